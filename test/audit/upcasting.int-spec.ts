import { join } from 'node:path';
import { readAccountHistory, replayAccount, verifyAccountChain } from '@ledger/audit';
import { chainEvents, evolve, initialState } from '@ledger/domain';
import { type EventStore, type RecordedEvent, UpcasterRegistry, openSqliteEventStore, toDomainEvent } from '@ledger/event-store';
import { accountStreamId } from '@ledger/ledger';
import { READ_MODELS, Projector, toPlanDocument } from '@ledger/projections';
import { MemoryReadStore } from '@ledger/read-store';
import { type LedgerFixture, VISA_OK, envelope, openLedgerFixture } from '../../libs/ledger/src/testing/ledger-fixture';

const ACCOUNT = 'acct-upcast';

/** The pre-release shapes: the card nested, usage counted as `count` without its period. */
function toV0(event: RecordedEvent): { type: string; data: Record<string, unknown> } {
  if (event.type === 'PaymentMethodUpdated.v1') {
    const { brand, last4, ...rest } = event.data;
    return { type: 'PaymentMethodUpdated.v0', data: { ...rest, card: { brand, last4 } } };
  }
  if (event.type === 'UsageRecorded.v1') {
    const { quantity, period: _period, ...rest } = event.data;
    return { type: 'UsageRecorded.v0', data: { ...rest, count: quantity } };
  }
  return { type: event.type, data: event.data };
}

/** Writes `history` as an older release would have: v0 shapes, their own hash chain, the same event ids. */
async function writeOldHistory(store: EventStore, history: readonly RecordedEvent[]): Promise<void> {
  const chained = chainEvents(history.map(toV0));
  await store.append(
    accountStreamId(ACCOUNT),
    chained.map((event, index) => ({
      id: history[index].id,
      type: event.type,
      data: event.data,
      metadata: { ...history[index].metadata, prevHash: event.prevHash, hash: event.hash },
    })),
    'no_stream',
  );
}

async function project(store: EventStore): Promise<MemoryReadStore> {
  const readStore = new MemoryReadStore();
  const projector = new Projector(store, readStore);
  await projector.start();
  await projector.whenVisible((await store.headPosition())!);
  await projector.stop();
  return readStore;
}

describe('schema evolution: history written with v0 events replays to the same state and ids', () => {
  let ledger: LedgerFixture;
  let oldStore: EventStore;
  let current: RecordedEvent[];

  beforeAll(async () => {
    ledger = openLedgerFixture('2026-04-01T01:00:00.000Z');
    const send = async (type: string, payload: Record<string, unknown>, at: string) => {
      ledger.clock.set(at);
      const outcome = await ledger.handler.handle(envelope(ledger.clock, ACCOUNT, type, payload));
      expect(outcome.status).toBe('ACCEPTED');
    };
    await send('PAYMENT_METHOD_UPDATE', VISA_OK, '2026-04-01T01:00:00.000Z');
    await send('UPGRADE', { toTier: 'PRO', seatCount: 3 }, '2026-04-01T01:00:00.000Z');
    await send('USAGE_RECORD', { usageId: 'u-1', metric: 'messages', quantity: 1_200 }, '2026-04-10T01:00:00.000Z');
    await send('USAGE_RECORD', { usageId: 'u-2', metric: 'contacts', quantity: 900 }, '2026-04-11T01:00:00.000Z');
    await send('SEAT_ADD', { seatCount: 5 }, '2026-04-20T01:00:00.000Z');
    current = await readAccountHistory(ledger.store, ACCOUNT);
    oldStore = openSqliteEventStore({ file: join(ledger.dir, 'old-release.sqlite') });
    await writeOldHistory(oldStore, current);
  });
  afterAll(async () => {
    await oldStore.close();
    await ledger.close();
  });

  it('the old history is stored as v0, untouched, and its hash chain holds', async () => {
    const old = await readAccountHistory(oldStore, ACCOUNT);
    expect(old.map((event) => event.type)).toEqual(['PaymentMethodUpdated.v0', 'SubscriptionUpgraded.v1', 'UsageRecorded.v0', 'UsageRecorded.v0', 'SeatsAdded.v1']);
    expect(old[0].data).toMatchObject({ card: { brand: 'VISA', last4: '4242' } });
    expect(verifyAccountChain(old)).toMatchObject({ intact: true, events: 5 });
  });

  it('folds and projects to the same state, documents and billing-log ids', async () => {
    const old = await readAccountHistory(oldStore, ACCOUNT);
    const fromOld = replayAccount(ACCOUNT, old);
    const fromCurrent = replayAccount(ACCOUNT, current);
    expect(toPlanDocument(fromOld.state)).toEqual(toPlanDocument(fromCurrent.state));
    expect(fromOld.state.commands.recordsByFingerprint()).toEqual(fromCurrent.state.commands.recordsByFingerprint());
    expect(Object.keys(fromCurrent.state.commands.recordsByFingerprint())).toHaveLength(current.length);
    expect(fromOld.documents).toEqual(fromCurrent.documents);
    expect([...fromOld.documents.billingLogs.keys()]).toHaveLength(2);

    const [oldModels, currentModels] = [await project(oldStore), await project(ledger.store)];
    for (const name of Object.values(READ_MODELS)) {
      expect(await oldModels.collection(name).find({})).toEqual(await currentModels.collection(name).find({}));
    }
  });

  it('without the upcasters the old history cannot be folded at all', async () => {
    const old = await readAccountHistory(oldStore, ACCOUNT);
    const foldWithout = () => old.reduce((state, event) => evolve(state, toDomainEvent(event, new UpcasterRegistry())), initialState(ACCOUNT));
    expect(foldWithout).toThrow('Unknown event type: PaymentMethodUpdated.v0');
  });

  it('a command on the old history is decided and identified exactly as on the new one', async () => {
    ledger.clock.set('2026-04-25T01:00:00.000Z');
    const command = envelope(ledger.clock, ACCOUNT, 'SEAT_ADD', { seatCount: 7 });
    const onOld = await ledger.newHandler({ store: oldStore }).handle(command);
    const onCurrent = await ledger.newHandler().handle(command);
    expect(onOld).toMatchObject({ status: 'ACCEPTED', billingLogIds: [expect.stringMatching(/^CRMSBL/)] });
    expect(onCurrent.billingLogIds).toEqual(onOld.billingLogIds);
    const [oldLast, currentLast] = [(await readAccountHistory(oldStore, ACCOUNT)).at(-1)!, (await readAccountHistory(ledger.store, ACCOUNT)).at(-1)!];
    expect([oldLast.id, oldLast.data]).toEqual([currentLast.id, currentLast.data]);
  });
});
