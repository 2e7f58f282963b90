import { verifyChain } from '@ledger/domain';
import { EventStore, EventStoreUnavailableError } from '@ledger/event-store';
import { accountStreamId } from '../stream/account-stream';
import { LedgerFixture, VISA_DECLINED, VISA_OK, envelope, openLedgerFixture } from '../testing/ledger-fixture';

const E1_INSTANT = '2026-04-23T00:15:30.123Z';

/** Given PRO × 5 with VISA 4242 (subscribed on 1 April), as in examples.md E1. */
async function givenProWithFiveSeats(ledger: LedgerFixture, accountId: string): Promise<void> {
  ledger.clock.set('2026-03-31T15:00:00.000Z');
  const setup = [
    envelope(ledger.clock, accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK),
    envelope(ledger.clock, accountId, 'UPGRADE', { toTier: 'PRO', seatCount: 5 }),
  ];
  for (const command of setup) expect((await ledger.handler.handle(command)).status).toBe('ACCEPTED');
  ledger.clock.set(E1_INSTANT);
}

describe('CommandHandler: load → decide → pay → append', () => {
  let ledger: LedgerFixture;
  beforeEach(() => (ledger = openLedgerFixture()));
  afterEach(() => ledger.close());

  it('E1: charges 73,332 once and records the upgrade log', async () => {
    await givenProWithFiveSeats(ledger, 'acct-e1');
    const outcome = await ledger.handler.handle(envelope(ledger.clock, 'acct-e1', 'UPGRADE', { toTier: 'ENTERPRISE' }));

    expect(outcome).toMatchObject({ status: 'ACCEPTED', accountId: 'acct-e1' });
    expect(outcome.billingLogIds).toHaveLength(1);
    expect(outcome.billingLogIds[0]).toMatch(/^CRMSBL260423091530123SBL\d{8}$/);
    expect(outcome.position).toMatch(/^\d+\/\d+$/);
    expect(ledger.gateway.listMovements().map((m) => m.amount)).toEqual([expect.any(Number), 73_332]);
  });

  it('E9: the same command twice → one event, one charge, DUPLICATE with the same billingLogIds', async () => {
    await givenProWithFiveSeats(ledger, 'acct-e9');
    const command = envelope(ledger.clock, 'acct-e9', 'UPGRADE', { toTier: 'ENTERPRISE' });
    const first = await ledger.handler.handle(command);
    const second = await ledger.newHandler().handle(command);

    expect(second).toMatchObject({ status: 'DUPLICATE', originalStatus: 'ACCEPTED', billingLogIds: first.billingLogIds });
    expect(ledger.gateway.totals().chargeCount).toBe(2);
    const events = await ledger.store.readStream(accountStreamId('acct-e9'));
    expect(events.filter((e) => e.type === 'SubscriptionUpgraded.v1')).toHaveLength(2);
  });

  it('a crash between the gateway call and the append does not charge twice on retry', async () => {
    await givenProWithFiveSeats(ledger, 'acct-crash');
    const failingStore = failFirstAppend(ledger.store);
    const crashing = ledger.newHandler({ store: failingStore });
    const command = envelope(ledger.clock, 'acct-crash', 'UPGRADE', { toTier: 'ENTERPRISE' });

    await expect(crashing.handle(command)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const retried = await ledger.newHandler().handle(command);

    expect(retried.status).toBe('ACCEPTED');
    expect(ledger.gateway.listMovements().filter((m) => m.amount === 73_332)).toHaveLength(1);
  });

  it('a declined card: REJECTED PAYMENT_DECLINED with a PAYMENT_FAILED log, plan unchanged', async () => {
    const accountId = 'acct-declined';
    await ledger.handler.handle(envelope(ledger.clock, accountId, 'PAYMENT_METHOD_UPDATE', VISA_DECLINED));
    const outcome = await ledger.handler.handle(envelope(ledger.clock, accountId, 'UPGRADE', { toTier: 'STARTER' }));

    expect(outcome).toMatchObject({ status: 'REJECTED', errorCode: 'PAYMENT_DECLINED', retryable: false });
    expect(outcome.billingLogIds).toHaveLength(1);
    const events = await ledger.store.readStream(accountStreamId(accountId));
    expect(events.map((e) => e.type)).toEqual(['PaymentMethodUpdated.v1', 'PaymentFailed.v1']);
    expect(ledger.gateway.totals().chargedAmount).toBe(0);
  });

  it('a payload violation is a REJECTED outcome naming the field and rule; nothing is stored', async () => {
    const outcome = await ledger.handler.handle(envelope(ledger.clock, 'acct-bad', 'SEAT_ADD', { seatCount: 'ten' }));

    expect(outcome).toMatchObject({ status: 'REJECTED', errorCode: 'VALIDATION_FAILED' });
    expect(outcome.details?.[0]).toMatchObject({ field: 'payload.seatCount' });
    expect(await ledger.store.readStream(accountStreamId('acct-bad'))).toEqual([]);
  });

  it('a final rule violation is recorded once and answered the same way on redelivery', async () => {
    const command = envelope(ledger.clock, 'acct-rule', 'SEAT_ADD', { seatCount: 3 });
    const first = await ledger.handler.handle(command);
    const again = await ledger.handler.handle(command);

    expect(first).toMatchObject({ status: 'REJECTED', errorCode: 'NOT_SUBSCRIBED' });
    expect(again).toMatchObject({ status: 'DUPLICATE', originalStatus: 'REJECTED', errorCode: 'NOT_SUBSCRIBED' });
    expect((await ledger.store.readStream(accountStreamId('acct-rule'))).map((e) => e.type)).toEqual(['CommandRejected.v1']);
  });

  it('dry run prices the command and returns the would-be log without charging or appending', async () => {
    await givenProWithFiveSeats(ledger, 'acct-dry');
    const before = await ledger.store.readStream(accountStreamId('acct-dry'));
    const outcome = await ledger.handler.handle(envelope(ledger.clock, 'acct-dry', 'UPGRADE', { toTier: 'ENTERPRISE' }, { dryRun: true }));

    expect(outcome.status).toBe('ACCEPTED');
    expect(outcome.dryRun?.billingLogs).toEqual([expect.objectContaining({ totalCharge: 73_332, subtotal: 66_666 })]);
    expect(await ledger.store.readStream(accountStreamId('acct-dry'))).toHaveLength(before.length);
    expect(ledger.gateway.totals().chargeCount).toBe(1);
  });

  it('a handler with a stale cache re-decides after the revision conflict', async () => {
    const accountId = 'acct-stale';
    const other = ledger.newHandler();
    await ledger.handler.handle(envelope(ledger.clock, accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK));
    await other.handle(envelope(ledger.clock, accountId, 'USAGE_RECORD', { usageId: 'u1', metric: 'messages', quantity: 5 }));
    const outcome = await ledger.handler.handle(envelope(ledger.clock, accountId, 'USAGE_RECORD', { usageId: 'u2', metric: 'messages', quantity: 7 }));

    expect(outcome.status).toBe('ACCEPTED');
    const events = await ledger.store.readStream(accountStreamId(accountId));
    expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('every appended event continues the hash chain', async () => {
    await givenProWithFiveSeats(ledger, 'acct-chain');
    await ledger.handler.handle(envelope(ledger.clock, 'acct-chain', 'UPGRADE', { toTier: 'ENTERPRISE' }));
    const events = await ledger.store.readStream(accountStreamId('acct-chain'));
    const chained = events.map((e) => ({ type: e.type, data: e.data, revision: Number(e.revision), prevHash: String(e.metadata.prevHash), hash: String(e.metadata.hash) }));

    expect(verifyChain(chained)).toBeNull();
  });

  it('a usage record already counted (same usageId, new commandId) is accepted without an event', async () => {
    const accountId = 'acct-usage';
    const usage = { usageId: 'u-1', metric: 'messages', quantity: 5 };
    await ledger.handler.handle(envelope(ledger.clock, accountId, 'USAGE_RECORD', usage));
    const again = await ledger.handler.handle(envelope(ledger.clock, accountId, 'USAGE_RECORD', usage));

    expect(again).toMatchObject({ status: 'ACCEPTED', billingLogIds: [] });
    expect(await ledger.store.readStream(accountStreamId(accountId))).toHaveLength(1);
  });

  it('a batch stops an account at its first infrastructure failure, runs the other accounts, then throws', async () => {
    const failing = ledger.newHandler({ store: failFirstAppend(ledger.store, accountStreamId('acct-a')) });
    const usage = (accountId: string, usageId: string) => envelope(ledger.clock, accountId, 'USAGE_RECORD', { usageId, metric: 'messages', quantity: 1 });
    const batch = [usage('acct-a', 'a1'), usage('acct-a', 'a2'), usage('acct-b', 'b1')];

    await expect(failing.handleMany(batch)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const streamA = await ledger.store.readStream(accountStreamId('acct-a'));
    const streamB = await ledger.store.readStream(accountStreamId('acct-b'));
    expect([streamA.length, streamB.length]).toEqual([0, 1]);
    const retried = await ledger.handler.handleMany(batch);
    expect(retried.map((o) => o.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'DUPLICATE']);
    expect((await ledger.store.readStream(accountStreamId('acct-a'))).map((e) => e.metadata.commandId)).toEqual([batch[0].commandId, batch[1].commandId]);
  });

  it('commands of one account keep their order when handled concurrently', async () => {
    const accountId = 'acct-order';
    const commands = Array.from({ length: 20 }, (_, i) =>
      envelope(ledger.clock, accountId, 'USAGE_RECORD', { usageId: `u${i}`, metric: 'messages', quantity: 1 }),
    );
    const outcomes = await ledger.handler.handleMany(commands);

    expect(outcomes.every((o) => o.status === 'ACCEPTED')).toBe(true);
    const events = await ledger.store.readStream(accountStreamId(accountId));
    expect(events.map((e) => e.metadata.commandId)).toEqual(commands.map((c) => c.commandId));
  });
});

/** The real store, except that its first append (to a matching stream) fails as if the process died before writing. */
function failFirstAppend(store: EventStore, streamPrefix = ''): EventStore {
  let failed = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return (...args: Parameters<EventStore['append']>) => {
        if (failed || !args[0].startsWith(streamPrefix)) return target.append(...args);
        failed = true;
        return Promise.reject(new EventStoreUnavailableError('simulated crash before append'));
      };
    },
  });
}
