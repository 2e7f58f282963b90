import { DEFAULT_CATALOG, type PlanView, planView } from '@ledger/domain';
import { planStateOf } from '@ledger/projections';
import { VISA_DECLINED, VISA_OK } from '../../libs/ledger/src/testing/ledger-fixture';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

describe('billing clock: dunning, trials and catch-up', () => {
  let ledger: SchedulerLedger;

  beforeEach(async () => {
    ledger = await openSchedulerLedger('2026-03-10T00:00:00.000Z');
  });
  afterEach(() => ledger.close());

  const subscribe = async (accountId: string, card = VISA_OK) => {
    await ledger.send(accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK);
    await ledger.send(accountId, 'UPGRADE', { toTier: 'PRO', seatCount: 2 });
    if (card !== VISA_OK) await ledger.send(accountId, 'PAYMENT_METHOD_UPDATE', card);
  };
  // Logs of one command share their actionDate; within an instant they are listed by action name.
  const actions = async (accountId: string) =>
    (await ledger.logs({ accountId })).map((log) => [log.action, log.actionDate]).sort(([a, at], [b, bt]) => at.localeCompare(bt) || a.localeCompare(b));
  const viewAt = async (accountId: string, instant: string): Promise<PlanView> =>
    planView(planStateOf((await ledger.plan(accountId))!), DEFAULT_CATALOG, instant);

  it('retries a declined renewal at +1, +3 and +5 days, then expires the subscription', async () => {
    await subscribe('acct-dunning', VISA_DECLINED);

    const report = await ledger.scheduler.advanceTestClock('2026-04-20T00:00:00.000Z');

    expect(report.ticks).toBe(4);
    expect((await actions('acct-dunning')).slice(1)).toEqual([
      ['PAYMENT_FAILED', '2026-03-31T15:00:00.000Z'],
      ['PAYMENT_FAILED', '2026-04-01T15:00:00.000Z'],
      ['PAYMENT_FAILED', '2026-04-03T15:00:00.000Z'],
      ['PAYMENT_FAILED', '2026-04-05T15:00:00.000Z'],
      ['SUBSCRIPTION_EXPIRED', '2026-04-05T15:00:00.000Z'],
    ]);
    expect(await viewAt('acct-dunning', '2026-04-20T00:00:00.000Z')).toMatchObject({ tier: 'FREE', status: 'CANCELED', nextBillingDate: null });
    expect((await ledger.plan('acct-dunning'))!.dueAt).toBeNull();
  });

  it('stops dunning when a retry succeeds after the card is fixed', async () => {
    await subscribe('acct-fixed', VISA_DECLINED);
    await ledger.scheduler.advanceTestClock('2026-04-02T05:00:00.000Z');
    expect(await viewAt('acct-fixed', '2026-04-02T05:00:00.000Z')).toMatchObject({ status: 'PAST_DUE', tier: 'PRO' });
    await ledger.send('acct-fixed', 'PAYMENT_METHOD_UPDATE', VISA_OK);

    await ledger.scheduler.advanceTestClock('2026-04-20T00:00:00.000Z');

    expect((await actions('acct-fixed')).slice(1)).toEqual([
      ['PAYMENT_FAILED', '2026-03-31T15:00:00.000Z'],
      ['PAYMENT_FAILED', '2026-04-01T15:00:00.000Z'],
      ['RENEWAL', '2026-04-03T15:00:00.000Z'],
    ]);
    expect(await viewAt('acct-fixed', '2026-04-20T00:00:00.000Z')).toMatchObject({ status: 'ACTIVE', tier: 'PRO', nextBillingDate: '2026-04-30T15:00:00.000Z' });
  });

  it('shows trial fields only while the trial is active, also before TRIAL_EXPIRE is processed', async () => {
    await ledger.send('acct-trial', 'TRIAL_START', { trialTier: 'PRO', trialDays: 14, onExpiry: 'REVERT' });
    const expiresAt = '2026-03-24T00:00:00.000Z';

    expect(await viewAt('acct-trial', '2026-03-23T23:59:00.000Z')).toMatchObject({ trialTier: 'PRO', trialExpiresAt: expiresAt, limits: { messages: 20_000 } });
    ledger.clock.set('2026-03-24T00:01:00.000Z'); // the clock moved, the scheduler has not run yet
    expect((await ledger.plan('acct-trial'))!.state.trial).not.toBeNull();
    const lapsed = await viewAt('acct-trial', ledger.clock.now().toISOString());
    expect(Object.keys(lapsed).filter((key) => key.startsWith('trial'))).toEqual([]);
    expect(lapsed.limits).toEqual({ messages: 300, contacts: 1_000, seats: 1 });

    await ledger.scheduler.advanceTestClock('2026-03-24T00:01:00.000Z');
    expect(await actions('acct-trial')).toEqual([
      ['TRIAL_STARTED', '2026-03-10T00:00:00.000Z'],
      ['TRIAL_EXPIRED', expiresAt],
    ]);
    expect((await ledger.plan('acct-trial'))!.dueAt).toBeNull();
  });

  it('converts a CONVERT trial into a prorated SYSTEM upgrade, then renews it', async () => {
    await ledger.send('acct-convert', 'PAYMENT_METHOD_UPDATE', VISA_OK);
    await ledger.send('acct-convert', 'TRIAL_START', { trialTier: 'STARTER', trialDays: 7, onExpiry: 'CONVERT' });

    await ledger.scheduler.advanceTestClock('2026-04-02T00:00:00.000Z');

    const logs = await ledger.logs({ accountId: 'acct-convert' });
    expect(logs.map((log) => [log.action, log.actionDate, log.processedBy])).toEqual([
      ['TRIAL_STARTED', '2026-03-10T00:00:00.000Z', 'USER'],
      ['TRIAL_EXPIRED', '2026-03-17T00:00:00.000Z', 'SYSTEM'],
      ['UPGRADE', '2026-03-17T00:00:00.000Z', 'SYSTEM'],
      ['RENEWAL', '2026-03-31T15:00:00.000Z', 'SYSTEM'],
    ]);
    expect(logs[2]).toMatchObject({ toTier: 'STARTER', daysRemaining: 15, subtotal: Math.floor((19_000 * 15) / 31) });
  });

  it('holds a trial expiry that falls into an unpaid period until a dunning retry renews it', async () => {
    await subscribe('acct-held', VISA_DECLINED);
    ledger.clock.set('2026-03-27T03:00:00.000Z'); // expires 2026-04-03T03:00Z, between retries 1 and 2
    await ledger.send('acct-held', 'TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' });
    await ledger.scheduler.advanceTestClock('2026-04-02T05:00:00.000Z');
    await ledger.send('acct-held', 'PAYMENT_METHOD_UPDATE', VISA_OK);

    const report = await ledger.scheduler.advanceTestClock('2026-04-10T00:00:00.000Z');

    expect(report.stuck).toEqual([]);
    expect((await actions('acct-held')).slice(-2)).toEqual([
      ['RENEWAL', '2026-04-03T15:00:00.000Z'],
      ['TRIAL_EXPIRED', '2026-04-03T15:00:00.000Z'],
    ]);
  });

  it('catches up after downtime: each missed period renews once, in order, and a re-run issues nothing', async () => {
    ledger.clock.set('2026-01-15T00:00:00.000Z');
    await subscribe('acct-behind');
    ledger.clock.set('2026-03-10T00:00:00.000Z'); // a scheduler that was down across two month boundaries

    const report = await ledger.scheduler.runDue();

    expect(report).toMatchObject({ ticks: 2, issued: 2, outcomes: { ACCEPTED: 2, REJECTED: 0, DUPLICATE: 0 } });
    const renewals = await ledger.logs({ accountId: 'acct-behind', action: 'RENEWAL' });
    expect(renewals.map((log) => [log.billingPeriod, log.actionDate]).sort()).toEqual([
      ['2026-02', '2026-03-10T00:00:00.000Z'],
      ['2026-03', '2026-03-10T00:00:00.000Z'],
    ]);
    expect((await ledger.scheduler.runDue()).issued).toBe(0);
  });
});
