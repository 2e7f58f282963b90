import { join } from 'node:path';
import { type EventStore, openSqliteEventStore } from '@ledger/event-store';
import { GatewayUnavailableError, type ChargeRequest, type PaymentGateway } from '@ledger/payments';
import { SettableClock } from '../clock/clock';
import { accountStreamId } from '../stream/account-stream';
import { type LedgerFixture, VISA_OK, envelope, openLedgerFixture } from '../testing/ledger-fixture';
import type { CommandHandler } from './command-handler';

/**
 * The same SQLite file as a store without cross-process locks, as KurrentDB is: only optimistic
 * concurrency is left, so the handlers must hold payments with PaymentStarted events.
 */
const withoutLocks = (store: EventStore): EventStore => ({
  append: (streamId, events, expected) => store.append(streamId, events, expected),
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options, onEvent, onError) => store.subscribeToAll(options, onEvent, onError),
  headPosition: () => store.headPosition(),
  close: () => store.close(),
});

/** Charges answer only when released: a payment caught in the middle of its gateway call. */
class GatedGateway implements PaymentGateway {
  private opened!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.opened = resolve));
  readonly charging: string[] = [];

  constructor(
    private readonly inner: PaymentGateway,
    private readonly fail = false,
  ) {}

  async charge(request: ChargeRequest) {
    this.charging.push(request.idempotencyKey);
    await this.gate;
    if (this.fail) throw new GatewayUnavailableError('gateway timed out');
    return this.inner.charge(request);
  }

  refund: PaymentGateway['refund'] = (request) => this.inner.refund(request);

  release(): void {
    this.opened();
  }

  async close(): Promise<void> {}
}

/** A hold clock that counts how often a waiting writer looked at it. */
class WatchedClock extends SettableClock {
  reads = 0;
  override now(): Date {
    this.reads += 1;
    return super.now();
  }
}

const until = async (what: string, done: () => boolean | Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('payment holds by events (a store without cross-process locks, as KurrentDB)', () => {
  let ledger: LedgerFixture;
  let connections: EventStore[];
  /** A handler on its own connection with its own cache: another api node or ingest worker. */
  let node: (options?: { gateway?: PaymentGateway; holdClock?: SettableClock }) => CommandHandler;

  beforeEach(async () => {
    ledger = openLedgerFixture('2026-04-01T00:00:00.000Z');
    connections = [];
    node = (options = {}) => {
      const connection = openSqliteEventStore({ file: join(ledger.dir, 'events.sqlite') });
      connections.push(connection);
      return ledger.newHandler({ store: withoutLocks(connection), gateway: options.gateway, paymentHolds: { mode: 'events', holdMs: 60_000, clock: options.holdClock } });
    };
    for (const command of [envelope(ledger.clock, 'acct-1', 'PAYMENT_METHOD_UPDATE', VISA_OK), envelope(ledger.clock, 'acct-1', 'UPGRADE', { toTier: 'PRO', seatCount: 2 })]) {
      expect((await node().handle(command)).status).toBe('ACCEPTED');
    }
    ledger.clock.set('2026-04-10T00:00:00.000Z');
  });

  afterEach(async () => {
    for (const connection of connections) await connection.close();
    await ledger.close();
  });

  const typesOf = async () => (await ledger.store.readStream(accountStreamId('acct-1'))).map((event) => event.type);

  /** What the events say was charged, by transaction id, against what the gateway moved. */
  async function charges(): Promise<{ recorded: [string, number][]; moved: [string, number][] }> {
    const events = await ledger.store.readStream(accountStreamId('acct-1'));
    const recorded = events.flatMap((event) => {
      const data = event.data as { transactionId?: string; charge?: { totalCharge: number } };
      return data.transactionId && data.charge ? [[data.transactionId, data.charge.totalCharge] as [string, number]] : [];
    });
    const moved = ledger.gateway.listMovements().map((movement) => [movement.transactionId, movement.amount] as [string, number]);
    return { recorded: recorded.sort(), moved: moved.sort() };
  }

  it('the loser of a race to the same seat count is rejected without being charged', async () => {
    const outcomes = await Promise.all([
      node().handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 3 })),
      node().handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 3 })),
    ]);
    expect(outcomes.map((outcome) => `${outcome.status} ${outcome.errorCode ?? '-'}`).sort()).toEqual(['ACCEPTED -', 'REJECTED SEAT_COUNT_NOT_HIGHER']);
    const { recorded, moved } = await charges();
    expect(moved).toEqual(recorded);
    expect(recorded).toHaveLength(2);
  });

  it('a seat addition racing an upgrade is charged at the tier it is recorded on', async () => {
    const outcomes = await Promise.all([
      node().handle(envelope(ledger.clock, 'acct-1', 'UPGRADE', { toTier: 'ENTERPRISE' })),
      node().handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 4 })),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    const { recorded, moved } = await charges();
    expect(moved).toEqual(recorded);
    expect(recorded).toHaveLength(3);
  });

  it('another writer waits for the held payment: nothing lands between its hold and its outcome', async () => {
    const gated = new GatedGateway(ledger.gateway);
    const paying = node({ gateway: gated }).handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 3 }));
    await until('the charge to reach the gateway', () => gated.charging.length === 1);
    let usageDone = false;
    const usage = node()
      .handle(envelope(ledger.clock, 'acct-1', 'USAGE_RECORD', { usageId: 'u-1', metric: 'messages', quantity: 5 }))
      .finally(() => (usageDone = true));
    await until('the usage command to meet the hold', async () => (await typesOf()).at(-1) === 'PaymentStarted.v1');
    expect(usageDone).toBe(false);
    gated.release();
    const [paid, used] = await Promise.all([paying, usage]);
    expect([paid.status, used.status]).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect((await typesOf()).slice(-3)).toEqual(['PaymentStarted.v1', 'SeatsAdded.v1', 'UsageRecorded.v1']);
  });

  it('a hold whose holder failed lapses for others; the command itself resumes it with the same idempotency key', async () => {
    const holdClock = new WatchedClock(new Date());
    const failing = new GatedGateway(ledger.gateway, true);
    const seatAdd = envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 3 });
    failing.release();
    await expect(node({ gateway: failing, holdClock }).handle(seatAdd)).rejects.toThrow(GatewayUnavailableError);
    expect((await typesOf()).at(-1)).toBe('PaymentStarted.v1');

    const other = node({ holdClock });
    let usageDone = false;
    const usage = other.handle(envelope(ledger.clock, 'acct-1', 'USAGE_RECORD', { usageId: 'u-1', metric: 'messages', quantity: 5 })).finally(() => (usageDone = true));
    const readsBefore = holdClock.reads;
    await until('the usage command to look at the hold a few times', () => holdClock.reads >= readsBefore + 5);
    expect(usageDone).toBe(false);
    holdClock.advance(60_001);
    expect((await usage).status).toBe('ACCEPTED');

    const resumed = await node({ holdClock }).handle(seatAdd);
    expect(resumed.status).toBe('ACCEPTED');
    expect((await typesOf()).slice(-4)).toEqual(['PaymentStarted.v1', 'UsageRecorded.v1', 'PaymentStarted.v1', 'SeatsAdded.v1']);
    const { recorded, moved } = await charges();
    expect(moved).toEqual(recorded);
  });

  it('a redelivery of a command already recorded answers DUPLICATE at once, even while another payment holds the account', async () => {
    // After a crash, Kafka redelivers from the last committed offset: commands recorded before the
    // holder come first, and the holder's own redelivery only after them, so they must not wait.
    const usage = envelope(ledger.clock, 'acct-1', 'USAGE_RECORD', { usageId: 'u-1', metric: 'messages', quantity: 5 });
    expect((await node().handle(usage)).status).toBe('ACCEPTED');
    const gated = new GatedGateway(ledger.gateway);
    const paying = node({ gateway: gated }).handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 3 }));
    await until('the charge to reach the gateway', () => gated.charging.length === 1);
    expect(await node().handle(usage)).toMatchObject({ status: 'DUPLICATE', originalStatus: 'ACCEPTED' });
    gated.release();
    expect((await paying).status).toBe('ACCEPTED');
  });

  it('a dry run neither holds nor waits', async () => {
    const gated = new GatedGateway(ledger.gateway);
    const paying = node({ gateway: gated }).handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 3 }));
    await until('the charge to reach the gateway', () => gated.charging.length === 1);
    const preview = await node().handle(envelope(ledger.clock, 'acct-1', 'SEAT_ADD', { seatCount: 4 }, { dryRun: true }));
    expect(preview).toMatchObject({ status: 'ACCEPTED', dryRun: expect.anything() });
    gated.release();
    expect((await paying).status).toBe('ACCEPTED');
  });
});
