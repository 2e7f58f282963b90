import type { RecordedEvent } from '@ledger/event-store';
import { Projector, READ_MODELS } from '@ledger/projections';
import { MemoryReadStore } from '@ledger/read-store';
import { type ClockTally, billingClockViolations } from './support/billing-clock-oracle';
import { generateYear } from './support/lifecycle-generator';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

const SEED = 20260101;
const START = '2025-12-31T15:00:00.000Z'; // 2026-01-01 00:00 KST
const END = '2027-01-10T00:00:00.000Z';

// A year of 100 accounts with random lifecycles, the test clock moved to each customer action in
// turn: the scheduler must have done every renewal, retry and trial expiry at its instant, once.
describe(`a simulated year of 100 accounts (seed ${SEED})`, () => {
  let ledger: SchedulerLedger;

  beforeAll(async () => {
    ledger = await openSchedulerLedger(START);
    for (const intent of generateYear(100, SEED, START, 365)) {
      if (intent.at > ledger.clock.now().toISOString()) await ledger.scheduler.advanceTestClock(intent.at);
      await ledger.send(intent.accountId, intent.type, intent.payload(await ledger.plan(intent.accountId)));
    }
    await ledger.scheduler.advanceTestClock(END);
  }, 150_000);
  afterAll(() => ledger.close());

  it('renewed every paid month once, retried every decline on schedule and handled every trial', async () => {
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of await ledger.runtime.eventStore.readAll()) {
      if (!event.streamId.startsWith('account-')) continue;
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
    }
    const tally: ClockTally = { renewals: 0, declines: 0, expirations: 0, trialsExpired: 0 };
    const violations = [...streams].flatMap(([streamId, events]) => billingClockViolations(streamId.slice('account-'.length), events, END, tally));

    expect(violations).toEqual([]);
    expect(streams.size).toBe(100);
    // The generator really exercised each path the scheduler owns.
    expect(tally.renewals).toBeGreaterThan(300);
    expect(tally.declines).toBeGreaterThan(10);
    expect(tally.expirations).toBeGreaterThan(2);
    expect(tally.trialsExpired).toBeGreaterThan(20);
  });

  it('left nothing due behind in the read model', async () => {
    const overdue = await ledger.runtime.readStore.collection(READ_MODELS.plans).find({ dueAt: { $lte: END } });
    expect(overdue).toEqual([]);
  });

  it('rebuilds read models from scratch that equal the live ones', async () => {
    const rebuilt = new MemoryReadStore();
    const fresh = new Projector(ledger.runtime.eventStore, rebuilt);
    await fresh.start();
    await fresh.whenVisible((await ledger.runtime.eventStore.headPosition())!);
    await fresh.stop();
    for (const name of Object.values(READ_MODELS)) {
      const live = await ledger.runtime.readStore.collection(name).find({}, { sort: { _id: 1 } });
      expect(await rebuilt.collection(name).find({}, { sort: { _id: 1 } })).toEqual(live);
    }
  });
});
