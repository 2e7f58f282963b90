import { DEFAULT_CATALOG, planView } from '@ledger/domain';
import { planStateOf } from '@ledger/projections';
import { buildReceipt } from '@ledger/receipts';
import { VISA_OK } from '../../libs/ledger/src/testing/ledger-fixture';
import { type LedgerApi, startLedgerApi } from './support/ledger-api';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

// E4 and E5 of examples.md: the renewals come from the scheduler as the test clock crosses the
// month boundaries through PUT /internal/v1/clock; nobody sends a RENEWAL by hand.
describe('E4 and E5 through the billing clock (e2e)', () => {
  const account = 'acct-e4';
  let ledger: SchedulerLedger;
  let api: LedgerApi;

  beforeAll(async () => {
    ledger = await openSchedulerLedger('2026-06-30T15:00:00.000Z');
    api = await startLedgerApi(ledger.runtime);
    await ledger.send(account, 'PAYMENT_METHOD_UPDATE', VISA_OK);
    await ledger.send(account, 'UPGRADE', { toTier: 'PRO', seatCount: 8 });
  });
  afterAll(async () => {
    await api.close();
    await ledger.close();
  });

  const moveClock = async (now: string) => {
    const response = await api.putClock(now);
    expect(response.statusCode).toBe(200);
    return response.json() as { now: string; ticks: number };
  };
  const usage = (usageId: string, quantity: number) =>
    ledger.send(account, 'USAGE_RECORD', { usageId, metric: 'messages', quantity }, { commandId: `usage:${usageId}` });

  it('E4: renews 2026-08 at 00:00 KST on the 1st with the July overage, snapshot and receipt', async () => {
    expect(await moveClock('2026-07-15T03:00:00.000Z')).toEqual({ now: '2026-07-15T03:00:00.000Z', ticks: 0 });
    await usage('july-batch-1', 20_000);
    await usage('july-batch-2', 3_456);
    expect((await usage('july-batch-2', 3_456)).status).toBe('DUPLICATE'); // a redelivery is counted once

    expect(await moveClock('2026-08-01T01:00:00.000Z')).toEqual({ now: '2026-08-01T01:00:00.000Z', ticks: 1 });

    const [renewal] = await ledger.logs({ accountId: account, action: 'RENEWAL' });
    expect(renewal).toMatchObject({
      actionDate: '2026-07-31T15:00:00.000Z',
      billingPeriod: '2026-08',
      fromTier: 'PRO',
      toTier: 'PRO',
      seatCount: 8,
      unitPrice: 49_000,
      daysInMonth: 31,
      daysUsed: 0,
      daysRemaining: 31,
      chargeAmount: 433_472,
      subtotal: 433_472,
      taxAmount: 43_347,
      totalCharge: 476_819,
      status: 'COMPLETED',
      processedBy: 'SYSTEM',
    });
    const snapshot = await ledger.snapshot(renewal.linkedSnapshotId!);
    expect(snapshot).toMatchObject({ billingPeriod: '2026-07', tier: 'PRO', usage: { messages: 23_456 } });
    expect(snapshot!.overageLines).toEqual([{ metric: 'messages', included: 20_000, used: 23_456, overageUnits: 3_456, unitPrice: 12, amount: 41_472 }]);

    const view = planView(planStateOf((await ledger.plan(account))!), DEFAULT_CATALOG, ledger.clock.now().toISOString());
    expect(view).toMatchObject({ billingPeriod: '2026-08', status: 'ACTIVE', usage: { messages: 0 } });

    const receipt = buildReceipt({ log: renewal, snapshot: snapshot!, refunds: [], issuedAt: '2026-08-01T01:00:00.000Z' });
    expect(receipt.lines.map(({ kind, amount }) => [kind, amount])).toEqual([
      ['ITEM', 392_000],
      ['ITEM', 41_472],
      ['SUBTOTAL', 433_472],
      ['VAT', 43_347],
      ['TOTAL', 476_819],
    ]);
  });

  it('E5: a downgrade scheduled in August applies at the 2026-09 renewal', async () => {
    expect(await moveClock('2026-08-12T05:00:00.000Z')).toEqual({ now: '2026-08-12T05:00:00.000Z', ticks: 0 });
    const downgrade = await ledger.send(account, 'DOWNGRADE_SCHEDULED', { toTier: 'STARTER' });
    expect(downgrade.status).toBe('ACCEPTED');
    await usage('august-batch-1', 18_000);

    expect(await moveClock('2026-09-03T00:00:00.000Z')).toEqual({ now: '2026-09-03T00:00:00.000Z', ticks: 1 });

    const renewals = await ledger.logs({ accountId: account, action: 'RENEWAL' });
    expect(renewals.map((log) => log.billingPeriod)).toEqual(['2026-08', '2026-09']);
    const september = renewals[1];
    expect(september).toMatchObject({
      actionDate: '2026-08-31T15:00:00.000Z',
      fromTier: 'PRO',
      toTier: 'STARTER',
      seatCount: 8,
      unitPrice: 19_000,
      daysInMonth: 30,
      subtotal: 152_000,
      taxAmount: 15_200,
      totalCharge: 167_200,
    });
    const snapshot = await ledger.snapshot(september.linkedSnapshotId!);
    expect(snapshot).toMatchObject({ billingPeriod: '2026-08', tier: 'PRO', usage: { messages: 18_000 }, overageLines: [] });
    const receipt = buildReceipt({ log: september, snapshot: snapshot!, refunds: [], issuedAt: '2026-09-03T00:00:00.000Z' });
    expect(receipt.lines.find((line) => line.kind === 'TOTAL')?.amount).toBe(167_200);
  });
});
