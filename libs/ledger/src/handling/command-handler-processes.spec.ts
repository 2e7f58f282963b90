import { join } from 'node:path';
import { type EventStore, openSqliteEventStore } from '@ledger/event-store';
import { accountStreamId } from '../stream/account-stream';
import { type LedgerFixture, VISA_OK, envelope, openLedgerFixture } from '../testing/ledger-fixture';

/**
 * Two handlers on two connections to one SQLite file, as two processes (api nodes, ingest workers)
 * are: a charge must never be decided on a plan the other one changes before it is recorded.
 */
describe('CommandHandler: two processes on one account', () => {
  let ledger: LedgerFixture;
  let otherConnection: EventStore;
  beforeEach(() => {
    ledger = openLedgerFixture('2026-04-01T00:00:00.000Z');
    otherConnection = openSqliteEventStore({ file: join(ledger.dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await otherConnection.close();
    await ledger.close();
  });

  async function givenProWithTwoSeats(accountId: string): Promise<void> {
    for (const command of [envelope(ledger.clock, accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK), envelope(ledger.clock, accountId, 'UPGRADE', { toTier: 'PRO', seatCount: 2 })]) {
      expect((await ledger.handler.handle(command)).status).toBe('ACCEPTED');
    }
    ledger.clock.set('2026-04-10T00:00:00.000Z');
  }

  /** What the events say was charged, by transaction id, against what the gateway moved. */
  async function chargesOf(accountId: string): Promise<{ recorded: [string, number][]; moved: [string, number][] }> {
    const events = await ledger.store.readStream(accountStreamId(accountId));
    const recorded = events.flatMap((event) => {
      const data = event.data as { transactionId?: string; charge?: { totalCharge: number } };
      return data.transactionId && data.charge ? [[data.transactionId, data.charge.totalCharge] as [string, number]] : [];
    });
    const moved = ledger.gateway.listMovements().filter((movement) => movement.accountId === accountId).map((movement) => [movement.transactionId, movement.amount] as [string, number]);
    return { recorded: recorded.sort(), moved: moved.sort() };
  }

  it('the loser of a race to the same seat count is rejected without being charged', async () => {
    await givenProWithTwoSeats('acct-race');
    const here = ledger.handler;
    const there = ledger.newHandler({ store: otherConnection });
    const outcomes = await Promise.all([
      here.handle(envelope(ledger.clock, 'acct-race', 'SEAT_ADD', { seatCount: 3 })),
      there.handle(envelope(ledger.clock, 'acct-race', 'SEAT_ADD', { seatCount: 3 })),
    ]);

    expect(outcomes.map((outcome) => `${outcome.status} ${outcome.errorCode ?? '-'}`).sort()).toEqual(['ACCEPTED -', 'REJECTED SEAT_COUNT_NOT_HIGHER']);
    const { recorded, moved } = await chargesOf('acct-race');
    expect(moved).toEqual(recorded);
    expect(recorded).toHaveLength(2);
  });

  it('a seat addition racing an upgrade is charged at the tier it is recorded on', async () => {
    await givenProWithTwoSeats('acct-mixed');
    const here = ledger.handler;
    const there = ledger.newHandler({ store: otherConnection });
    const outcomes = await Promise.all([
      here.handle(envelope(ledger.clock, 'acct-mixed', 'UPGRADE', { toTier: 'ENTERPRISE' })),
      there.handle(envelope(ledger.clock, 'acct-mixed', 'SEAT_ADD', { seatCount: 4 })),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    const { recorded, moved } = await chargesOf('acct-mixed');
    expect(moved).toEqual(recorded);
    expect(recorded).toHaveLength(3);
  });
});
