import { performance } from 'node:perf_hooks';
import { DEFAULT_CATALOG, planView } from '@ledger/domain';
import { positionFromString } from '@ledger/event-store';
import { AccountRepository, CommandHandler } from '@ledger/ledger';
import { planStateOf } from '@ledger/projections';
import { VISA_OK, envelope } from '../../libs/ledger/src/testing/ledger-fixture';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

describe('usage metering', () => {
  let ledger: SchedulerLedger;

  beforeEach(async () => {
    ledger = await openSchedulerLedger('2026-05-04T00:00:00.000Z');
    await ledger.send('acct-usage', 'PAYMENT_METHOD_UPDATE', VISA_OK);
    await ledger.send('acct-usage', 'UPGRADE', { toTier: 'STARTER', seatCount: 2 });
  });
  afterEach(() => ledger.close());

  const record = (usageId: string, metric: string, quantity: number, commandId = `usage:${usageId}`) =>
    ledger.send('acct-usage', 'USAGE_RECORD', { usageId, metric, quantity }, { commandId });

  it('shows this period’s usage against the tier’s limits; a redelivered record counts once', async () => {
    await record('m-1', 'messages', 2_000);
    await record('m-2', 'messages', 500);
    expect((await record('m-2', 'messages', 500)).status).toBe('DUPLICATE');
    await record('c-1', 'contacts', 4_000);
    await record('c-2', 'contacts', 3_500); // contacts are a gauge: the latest value

    const view = planView(planStateOf((await ledger.plan('acct-usage'))!), DEFAULT_CATALOG, '2026-05-20T00:00:00.000Z');
    expect(view.usage).toEqual({ messages: 2_500, contacts: 3_500 });
    expect(view.limits).toEqual({ messages: 3_000, contacts: 10_000, seats: 20 });
  });

  it('counts a usageId re-sent under another commandId once (idempotent by usageId)', async () => {
    await record('m-1', 'messages', 2_000, 'usage-first-delivery');
    const again = await record('m-1', 'messages', 2_000, 'usage-producer-retry');
    expect(again.status).toBe('ACCEPTED');
    const view = planView(planStateOf((await ledger.plan('acct-usage'))!), DEFAULT_CATALOG, '2026-05-20T00:00:00.000Z');
    expect(view.usage.messages).toBe(2_000);
  });

  // 2,000 records keep the suite short; the 10,000-record figures are in libs/scheduler/README.md.
  it('keeps billing commands fast after 2,000 usage records on the account', async () => {
    const usage = Array.from({ length: 2_000 }, (_, i) =>
      envelope(ledger.clock, 'acct-usage', 'USAGE_RECORD', { usageId: `bulk-${i}`, metric: 'messages', quantity: 1 }),
    );
    let started = performance.now();
    for (let i = 0; i < usage.length; i += 500) await ledger.runtime.commands.handleMany(usage.slice(i, i + 500));
    const ingestMs = performance.now() - started;
    started = performance.now();
    await ledger.runtime.projector.whenVisible((await ledger.runtime.eventStore.headPosition())!);
    const projectionMs = performance.now() - started;

    started = performance.now();
    const warm = await ledger.runtime.commands.handle(envelope(ledger.clock, 'acct-usage', 'SEAT_ADD', { seatCount: 3 }));
    const warmMs = performance.now() - started;
    const { runtime } = ledger;
    const coldHandler = new CommandHandler(new AccountRepository(runtime.eventStore), runtime.gateway, runtime.secretBox, runtime.catalog, runtime.clock);
    started = performance.now();
    const cold = await coldHandler.handle(envelope(ledger.clock, 'acct-usage', 'SEAT_ADD', { seatCount: 4 }));
    const coldMs = performance.now() - started;
    await runtime.projector.whenVisible(positionFromString(cold.position!));

    console.info(`2,000 usage records: ingest ${ingestMs.toFixed(0)} ms, projection ${projectionMs.toFixed(0)} ms; SEAT_ADD warm cache ${warmMs.toFixed(1)} ms, cold (replay 2,002 events) ${coldMs.toFixed(1)} ms`);
    expect([warm.status, cold.status]).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(planView(planStateOf((await ledger.plan('acct-usage'))!), DEFAULT_CATALOG, ledger.clock.now().toISOString())).toMatchObject({ seatCount: 4, usage: { messages: 2_000 } });
    expect(warmMs).toBeLessThan(250);
    expect(coldMs).toBeLessThan(2_000);
  }, 90_000);
});
