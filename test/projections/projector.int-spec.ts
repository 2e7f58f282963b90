import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CATALOG, planView } from '@ledger/domain';
import { positionFromString } from '@ledger/event-store';
import { MemoryReadStore } from '@ledger/read-store';
import { BillingLogDocument, PlanDocument, Projector, READ_MODELS, planStateOf } from '@ledger/projections';
import { LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { VISA_OK, envelope } from '../../libs/ledger/src/testing/ledger-fixture';

describe('Projector over the embedded runtime', () => {
  let dir: string;
  let runtime: LedgerRuntime;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-'));
    runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: true });
    await runtime.projector.start();
  });
  afterEach(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(type: string, payload: Record<string, unknown>, at: string) {
    runtime.testClock!.set(at);
    const outcome = await runtime.commands.handle(envelope(runtime.testClock!, 'acct-p', type, payload));
    await runtime.projector.whenVisible(positionFromString(outcome.position!));
    return outcome;
  }

  async function givenE1History() {
    await run('PAYMENT_METHOD_UPDATE', VISA_OK, '2026-03-31T15:00:00.000Z');
    await run('UPGRADE', { toTier: 'PRO', seatCount: 5 }, '2026-03-31T15:00:00.000Z');
    return run('UPGRADE', { toTier: 'ENTERPRISE' }, '2026-04-23T00:15:30.123Z');
  }

  it('projects the E1 billing log, the plan and the command outcome', async () => {
    const outcome = await givenE1History();
    const logs = runtime.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs);
    const log = await logs.get(outcome.billingLogIds[0]);
    const plan = await runtime.readStore.collection<PlanDocument>(READ_MODELS.plans).get('acct-p');
    const view = planView(planStateOf(plan!), DEFAULT_CATALOG, '2026-04-23T00:20:00.000Z');

    expect(log).toMatchObject({ action: 'UPGRADE', fromTier: 'PRO', toTier: 'ENTERPRISE', subtotal: 66_666, taxAmount: 6_666, totalCharge: 73_332 });
    expect(view).toMatchObject({ tier: 'ENTERPRISE', seatCount: 5, unitPrice: 99_000, monthlyAmount: 495_000 });
    const outcomes = await runtime.readStore.collection(READ_MODELS.commandOutcomes).find({ commandId: outcome.commandId });
    expect(outcomes).toEqual([expect.objectContaining({ status: 'ACCEPTED', billingLogIds: outcome.billingLogIds })]);
  });

  it('a projection rebuilt from scratch equals the live one', async () => {
    await givenE1History();
    await run('DOWNGRADE_SCHEDULED', { toTier: 'PRO' }, '2026-04-24T00:00:00.000Z');
    const rebuilt = new MemoryReadStore();
    const fresh = new Projector(runtime.eventStore, rebuilt);
    await fresh.start();
    await fresh.whenVisible((await runtime.eventStore.headPosition())!);
    await fresh.stop();

    for (const name of Object.values(READ_MODELS)) {
      const live = await runtime.readStore.collection(name).find({}, { sort: { _id: 1 } });
      const replayed = await rebuilt.collection(name).find({}, { sort: { _id: 1 } });
      expect(replayed).toEqual(live);
    }
  });
});
