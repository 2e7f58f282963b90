import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BillingLog, billingLogsOf, compareNewestFirst, type DomainEvent, isCustomerVisible, planView } from '@ledger/domain';
import type { SandboxPaymentGateway } from '@ledger/payments';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { DEMO_ACCOUNT_ID, DEMO_TRIAL_ACCOUNT_ID, seedDemoData } from './seed-demo-data';

const NOW = '2026-05-15T03:00:00.000Z'; // 2026-05-15 12:00 KST

const openRuntime = async (): Promise<{ runtime: LedgerRuntime; dispose: () => Promise<void> }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-seed-'));
  const runtime = await openLedgerRuntime({ dataDir, mongoDbName: 'unused', testClock: false });
  return {
    runtime,
    dispose: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

const recordedEvents = async (runtime: LedgerRuntime) =>
  (await runtime.eventStore.readAll()).filter((event) => event.streamId.startsWith('account-'));

const logsOf = async (runtime: LedgerRuntime, accountId: string): Promise<BillingLog[]> =>
  (await recordedEvents(runtime))
    .filter((event) => event.streamId === `account-${accountId}`)
    .flatMap((event) => billingLogsOf({ type: event.type, data: event.data } as unknown as DomainEvent));

describe('seedDemoData', () => {
  let seeded: { runtime: LedgerRuntime; dispose: () => Promise<void> };
  let summary: Awaited<ReturnType<typeof seedDemoData>>;

  beforeAll(async () => {
    seeded = await openRuntime();
    summary = await seedDemoData(seeded.runtime, { now: NOW });
  });
  afterAll(() => seeded.dispose());

  it('runs every command as intended (only the staged upgrade is declined) and summarises it', async () => {
    expect(summary).toMatchObject({ accounts: [DEMO_ACCOUNT_ID, DEMO_TRIAL_ACCOUNT_ID], duplicates: 0 });
    expect(summary.commands).toBe(62);
    const events = await recordedEvents(seeded.runtime);
    expect(events.filter((event) => event.type.startsWith('CommandRejected'))).toEqual([]);
    expect(events.filter((event) => event.type.startsWith('PaymentFailed'))).toHaveLength(1);
    expect(summary.billingLogs).toBe((await logsOf(seeded.runtime, DEMO_ACCOUNT_ID)).length + (await logsOf(seeded.runtime, DEMO_TRIAL_ACCOUNT_ID)).length);
  });

  it('dates every event at or before now, with renewals at the 1st 00:00 KST issued by SYSTEM', async () => {
    const events = await recordedEvents(seeded.runtime);
    const metadata = events.map((event) => event.metadata as { actionDate: string; commandId: string; issuedBy: { type: string } });
    expect(metadata.every((meta) => Date.parse(meta.actionDate) <= Date.parse(NOW))).toBe(true);
    const renewals = metadata.filter((meta) => meta.commandId.startsWith('renewal:'));
    expect(new Set(renewals.map((meta) => meta.commandId)).size).toBe(11);
    expect(renewals.every((meta) => meta.issuedBy.type === 'SYSTEM' && /T15:00:00\.000Z$/.test(meta.actionDate))).toBe(true);
  });

  it('shows the customer list the logs the list rules allow, newest first', async () => {
    const logs = await logsOf(seeded.runtime, DEMO_ACCOUNT_ID);
    const visible = logs.filter((log) => isCustomerVisible(log, NOW)).sort(compareNewestFirst);
    expect(visible.map((log) => `${log.billingPeriod} ${log.action}`)).toEqual([
      '2026-05 RENEWAL',
      '2026-04 RENEWAL',
      '2026-03 RENEWAL',
      '2026-02 RENEWAL',
      '2026-01 SEAT_ADD',
      '2026-01 RENEWAL',
      '2025-12 ADMIN_REFUND',
      '2025-12 RENEWAL',
      '2025-11 RENEWAL',
      '2025-10 RENEWAL',
      '2025-09 UPGRADE',
      '2025-09 RENEWAL',
      '2025-08 SEAT_ADD',
      '2025-08 RENEWAL',
      '2025-07 RENEWAL',
      '2025-06 UPGRADE',
      '2025-06 RENEWAL',
    ]);
    const hidden = logs.filter((log) => !isCustomerVisible(log, NOW)).map((log) => log.action);
    expect(hidden.sort()).toEqual(['DOWNGRADE_SCHEDULED', 'PAYMENT_FAILED', 'RENEWAL', 'SEAT_REDUCE_SCHEDULED']);
    expect(visible.find((log) => log.action === 'ADMIN_REFUND')).toMatchObject({ refundAmount: 55_000 });
    expect(visible.find((log) => log.billingPeriod === '2025-06' && log.action === 'RENEWAL')).toMatchObject({ chargeAmount: 22_000, subtotal: null });
  });

  it('bills overage in the months above the included messages', async () => {
    const renewals = (await logsOf(seeded.runtime, DEMO_ACCOUNT_ID)).filter((log) => log.action === 'RENEWAL' && log.subtotal !== null);
    const overageMonths = renewals.filter((log) => log.calculationDetails.steps.some((step) => /초과|overage/i.test(step)));
    expect(overageMonths.map((log) => log.billingPeriod)).toEqual(['2025-08', '2025-11', '2026-01', '2026-03', '2026-05']);
  });

  it('leaves a PRO plan with a scheduled downgrade, and a second account in a PRO trial', async () => {
    const acme = await seeded.runtime.accounts.load(DEMO_ACCOUNT_ID, true);
    expect(planView(acme.state, seeded.runtime.catalog(), NOW)).toMatchObject({
      tier: 'PRO',
      seatCount: 6,
      status: 'ACTIVE',
      billingPeriod: '2026-05',
      scheduledChange: { action: 'DOWNGRADE', toTier: 'STARTER' },
      paymentMethod: { brand: 'VISA', last4: '4242' },
    });
    const trial = await seeded.runtime.accounts.load(DEMO_TRIAL_ACCOUNT_ID, true);
    expect(planView(trial.state, seeded.runtime.catalog(), NOW)).toMatchObject({ tier: 'FREE', trialTier: 'PRO', trialDays: 14, trialOnExpiry: 'REVERT' });
  });

  it('is deterministic: another store seeded with the same now holds the same events (sealed keys aside)', async () => {
    const other = await openRuntime();
    try {
      await seedDemoData(other.runtime, { now: NOW });
      // A sealed billing key has a random IV, as AES-GCM requires; everything else must match.
      const unsealed = (data: Record<string, unknown>) => ('billingKey' in data ? { ...data, billingKey: String(data.billingKey).slice(0, 10) } : data);
      const shape = (events: Awaited<ReturnType<typeof recordedEvents>>) =>
        events.map(({ id, streamId, type, data }) => ({ id, streamId, type, data: unsealed(data) }));
      expect(shape(await recordedEvents(other.runtime))).toEqual(shape(await recordedEvents(seeded.runtime)));
    } finally {
      await other.dispose();
    }
  });

  it('finds only duplicates when seeded again with the same now, and moves no money twice', async () => {
    const gateway = seeded.runtime.gateway as SandboxPaymentGateway;
    const moneyBefore = gateway.totals();
    const before = (await recordedEvents(seeded.runtime)).length;
    const again = await seedDemoData(seeded.runtime, { now: NOW });
    expect(again).toMatchObject({ commands: summary.commands, duplicates: summary.commands, lastPosition: undefined });
    expect(await recordedEvents(seeded.runtime)).toHaveLength(before);
    expect(gateway.totals()).toEqual(moneyBefore);
    expect(moneyBefore).toMatchObject({ refundedAmount: 55_000, refundCount: 1, declinedCount: 1 });
  });

  it('still tells the whole story when now is the very first instant of a period', async () => {
    const edge = await openRuntime();
    try {
      const periodStart = '2026-04-30T15:00:00.000Z'; // 2026-05-01 00:00 KST
      await expect(seedDemoData(edge.runtime, { now: periodStart })).resolves.toMatchObject({ commands: 62, duplicates: 0 });
      const plan = planView((await edge.runtime.accounts.load(DEMO_ACCOUNT_ID, true)).state, edge.runtime.catalog(), periodStart);
      expect(plan).toMatchObject({ billingPeriod: '2026-05', scheduledChange: { action: 'DOWNGRADE' } });
    } finally {
      await edge.dispose();
    }
  });
});
