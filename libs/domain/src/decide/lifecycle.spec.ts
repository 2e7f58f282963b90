import { billingLogsOf } from '../billing-log/derive';
import { DEFAULT_CATALOG } from '../catalog/catalog';
import { planView } from '../plan/plan-view';
import { ACCOUNT, cardDeclined, command, kst, Scenario, subscribed } from '../testing/scenario.fixtures';
import { decide } from './decide';
import { rejectionEvent } from './decision';

const renewal = (period: string, at: string, retry?: number) =>
  command('RENEWAL', { period }, at, { commandId: `renewal:${ACCOUNT}:${period}${retry ? `:retry:${retry}` : ''}` });
const actionsOf = (scenario: Scenario, from: number) => scenario.events.slice(from).flatMap(billingLogsOf).map((log) => log.action);

describe('dunning', () => {
  it('declined renewal → PAST_DUE with retries at +1/+3/+5 days, the third failed retry expires to FREE', () => {
    const scenario = subscribed('PRO', 2, kst('2026-04-01 10:00:00.000'));
    const first = scenario.when(renewal('2026-05', kst('2026-05-01 00:00:00.000')), cardDeclined);
    expect(first).toMatchObject({ kind: 'declined', violation: { code: 'PAYMENT_DECLINED' } });
    expect(scenario.state).toMatchObject({ status: 'PAST_DUE', tier: 'PRO', currentPeriod: '2026-04', pendingRenewal: { attempt: 0, nextRetryAt: kst('2026-05-02 00:00:00.000') } });
    expect(scenario.state.commands.get(`renewal:${ACCOUNT}:2026-05`)).toMatchObject({ status: 'REJECTED', errorCode: 'PAYMENT_DECLINED' });
    const [failedLog] = billingLogsOf(scenario.events.at(-1)!);
    expect(failedLog).toMatchObject({ action: 'PAYMENT_FAILED', status: 'FAILED', chargeAmount: 0, subtotal: 0, totalCharge: 0, billingPeriod: '2026-05' });
    expect(failedLog.calculationDetails.steps).toContain('합계: 98,000 + 9,800 = 107,800');

    scenario.when(renewal('2026-05', kst('2026-05-02 00:00:00.000'), 1), cardDeclined);
    expect(scenario.state.pendingRenewal).toMatchObject({ attempt: 1, nextRetryAt: kst('2026-05-04 00:00:00.000') });
    scenario.when(renewal('2026-05', kst('2026-05-04 00:00:00.000'), 2), cardDeclined);
    expect(scenario.state.pendingRenewal).toMatchObject({ attempt: 2, nextRetryAt: kst('2026-05-06 00:00:00.000') });
    const before = scenario.events.length;
    const last = scenario.when(renewal('2026-05', kst('2026-05-06 00:00:00.000'), 3), cardDeclined);
    expect(last.kind).toBe('declined');
    expect(actionsOf(scenario, before)).toEqual(['PAYMENT_FAILED', 'SUBSCRIPTION_EXPIRED']);
    expect(scenario.state).toMatchObject({ tier: 'FREE', seatCount: 1, status: 'CANCELED', currentPeriod: null, pendingRenewal: null });
  });

  it('a successful retry charges the first attempt amounts and renews', () => {
    const scenario = subscribed('PRO', 2, kst('2026-04-01 10:00:00.000'));
    scenario.when(renewal('2026-05', kst('2026-05-01 00:00:00.000')), cardDeclined);
    const retry = renewal('2026-05', kst('2026-05-02 00:00:00.000'), 1);
    const early = scenario.when({ ...retry, commandId: `renewal:${ACCOUNT}:2026-05:retry:2` }, undefined, kst('2026-05-03 00:00:00.000'));
    expect(early).toMatchObject({ kind: 'rejected', violation: { code: 'RENEWAL_NOT_DUE' } });
    const decision = decide(retry, scenario.state, { catalog: DEFAULT_CATALOG, actionDate: retry.issuedAt });
    expect(decision).toMatchObject({ kind: 'payment', request: { amount: 107_800 } });
    scenario.given(retry);
    expect(scenario.state).toMatchObject({ status: 'ACTIVE', currentPeriod: '2026-05', pendingRenewal: null });
    expect(billingLogsOf(scenario.events.at(-1)!)[0]).toMatchObject({ action: 'RENEWAL', totalCharge: 107_800, linkedSnapshotId: expect.stringMatching(/^CRMSBS260502/) });
  });
});

describe('scheduled changes', () => {
  it('cancel at period end: CANCELED log with a snapshot, no charge, FREE afterwards', () => {
    const scenario = subscribed('PRO', 3, kst('2026-04-01 10:00:00.000'));
    scenario.given(command('USAGE_RECORD', { usageId: 'u1', metric: 'messages', quantity: 25_000 }, kst('2026-04-05 10:00:00.000')));
    scenario.given(command('CANCEL_SCHEDULED', {}, kst('2026-04-20 10:00:00.000')));
    expect(planView(scenario.state, DEFAULT_CATALOG, kst('2026-04-21 00:00:00.000')).scheduledChange).toEqual({ action: 'CANCEL', toTier: 'FREE', effectiveAt: kst('2026-05-01 00:00:00.000') });
    const decision = decide(renewal('2026-05', kst('2026-05-01 00:00:00.000')), scenario.state, { catalog: DEFAULT_CATALOG, actionDate: kst('2026-05-01 00:00:00.000') });
    expect(decision.kind).toBe('accepted');
    const before = scenario.events.length;
    scenario.given(renewal('2026-05', kst('2026-05-01 00:00:00.000')));
    const [log] = scenario.events.slice(before).flatMap(billingLogsOf);
    expect(log).toMatchObject({ action: 'CANCELED', fromTier: 'PRO', toTier: 'FREE', totalCharge: 0, chargeAmount: 0, linkedSnapshotId: expect.stringMatching(/^CRMSBS/) });
    expect(scenario.state).toMatchObject({ tier: 'FREE', status: 'CANCELED', currentPeriod: null });
  });

  it('one scheduled change at a time: a new one replaces it, revoke removes it, SEAT_ADD clears a reduction', () => {
    const scenario = subscribed('PRO', 8, kst('2026-04-01 10:00:00.000'));
    scenario.given(command('SEAT_REDUCE_SCHEDULED', { seatCount: 3 }, kst('2026-04-02 10:00:00.000')));
    scenario.given(command('DOWNGRADE_SCHEDULED', { toTier: 'STARTER' }, kst('2026-04-03 10:00:00.000')));
    expect(scenario.state.scheduledChange).toMatchObject({ action: 'DOWNGRADE', toTier: 'STARTER', effectivePeriod: '2026-05' });
    scenario.given(command('REVOKE_SCHEDULED_CHANGE', {}, kst('2026-04-04 10:00:00.000')));
    expect(scenario.state.scheduledChange).toBeNull();
    scenario.given(command('SEAT_REDUCE_SCHEDULED', { seatCount: 3 }, kst('2026-04-05 10:00:00.000')));
    scenario.given(command('SEAT_ADD', { seatCount: 9 }, kst('2026-04-06 10:00:00.000')));
    expect(scenario.state).toMatchObject({ seatCount: 9, scheduledChange: null });
  });

  it('a scheduled seat reduction applies at renewal; a downgrade clamps seats to the new maximum', () => {
    const reduced = subscribed('PRO', 8, kst('2026-04-01 10:00:00.000'));
    reduced.given(command('SEAT_REDUCE_SCHEDULED', { seatCount: 3 }, kst('2026-04-02 10:00:00.000')));
    reduced.given(renewal('2026-05', kst('2026-05-01 00:00:00.000')));
    expect(billingLogsOf(reduced.events.at(-1)!)[0]).toMatchObject({ seatCount: 3, subtotal: 147_000 });

    const clamped = subscribed('PRO', 30, kst('2026-04-01 10:00:00.000'));
    clamped.given(command('DOWNGRADE_SCHEDULED', { toTier: 'STARTER' }, kst('2026-04-02 10:00:00.000')));
    clamped.given(renewal('2026-05', kst('2026-05-01 00:00:00.000')));
    const [log] = billingLogsOf(clamped.events.at(-1)!);
    expect(log).toMatchObject({ toTier: 'STARTER', seatCount: 20, subtotal: 380_000 });
    expect(log.description).toContain('인원을 STARTER 최대 20명으로 조정');
  });
});

describe('trials', () => {
  const start = (onExpiry: 'REVERT' | 'CONVERT', scenario: Scenario) =>
    scenario.given(command('TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 14, onExpiry }, kst('2026-04-10 10:00:00.000')));

  it('shows trial limits only while active and REVERT ends it', () => {
    const scenario = subscribed('PRO', 2, kst('2026-04-01 10:00:00.000'));
    start('REVERT', scenario);
    const during = planView(scenario.state, DEFAULT_CATALOG, kst('2026-04-12 00:00:00.000'));
    expect(during).toMatchObject({ tier: 'PRO', trialTier: 'ENTERPRISE', trialDays: 14, trialOnExpiry: 'REVERT', trialPreviousTier: 'PRO', trialExpiresAt: kst('2026-04-24 10:00:00.000'), limits: { messages: 100_000, contacts: null, seats: null } });
    const after = planView(scenario.state, DEFAULT_CATALOG, kst('2026-04-24 10:00:00.000'));
    expect(Object.keys(after).filter((key) => key.startsWith('trial'))).toEqual([]);
    expect(after.limits).toEqual({ messages: 20_000, contacts: 100_000, seats: 100 });
    scenario.given(command('TRIAL_EXPIRE', {}, kst('2026-04-24 10:00:00.000')));
    expect(scenario.state.trial).toBeNull();
  });

  it('CONVERT: TRIAL_EXPIRED then a prorated UPGRADE processed by SYSTEM', () => {
    const scenario = subscribed('PRO', 2, kst('2026-04-01 10:00:00.000'));
    start('CONVERT', scenario);
    const before = scenario.events.length;
    scenario.given(command('TRIAL_EXPIRE', {}, kst('2026-04-24 10:00:00.000')));
    const logs = scenario.events.slice(before).flatMap(billingLogsOf);
    expect(logs.map((log) => [log.action, log.processedBy])).toEqual([['TRIAL_EXPIRED', 'SYSTEM'], ['UPGRADE', 'SYSTEM']]);
    expect(logs[1]).toMatchObject({ fromTier: 'PRO', toTier: 'ENTERPRISE', daysRemaining: 7, subtotal: 23_333 });
    expect(scenario.state).toMatchObject({ tier: 'ENTERPRISE', trial: null });
  });

  it('CONVERT with a declined card: TRIAL_EXPIRED and PAYMENT_FAILED, the tier stays', () => {
    const scenario = subscribed('PRO', 2, kst('2026-04-01 10:00:00.000'));
    start('CONVERT', scenario);
    const decision = scenario.when(command('TRIAL_EXPIRE', {}, kst('2026-04-24 10:00:00.000')), cardDeclined);
    expect(decision).toMatchObject({ kind: 'declined', violation: { code: 'PAYMENT_DECLINED' } });
    expect(scenario.state).toMatchObject({ tier: 'PRO', trial: null });
  });

  it('UPGRADE during a trial ends the trial; TRIAL_CANCEL ends it now', () => {
    const scenario = subscribed('STARTER', 1, kst('2026-04-01 10:00:00.000'));
    start('REVERT', scenario);
    scenario.given(command('UPGRADE', { toTier: 'PRO' }, kst('2026-04-11 10:00:00.000')));
    expect(scenario.state.trial).toBeNull();
    scenario.given(command('TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 3, onExpiry: 'CONVERT' }, kst('2026-04-12 10:00:00.000')));
    scenario.given(command('TRIAL_CANCEL', {}, kst('2026-04-13 10:00:00.000')));
    expect(scenario.state.trial).toBeNull();
  });
});

describe('usage', () => {
  it('is idempotent by usageId within the period and keeps usage that arrives before the renewal lands', () => {
    const scenario = subscribed('PRO', 1, kst('2026-04-01 10:00:00.000'));
    scenario.given(command('USAGE_RECORD', { usageId: 'a', metric: 'messages', quantity: 10 }, kst('2026-04-30 23:00:00.000')));
    const repeated = scenario.when(command('USAGE_RECORD', { usageId: 'a', metric: 'messages', quantity: 10 }, kst('2026-04-30 23:30:00.000')));
    expect(repeated).toEqual({ kind: 'accepted', events: [] });
    scenario.given(command('USAGE_RECORD', { usageId: 'b', metric: 'messages', quantity: 7 }, kst('2026-05-01 00:00:00.500')));
    scenario.given(renewal('2026-05', kst('2026-05-01 00:00:01.000')));
    expect(planView(scenario.state, DEFAULT_CATALOG, kst('2026-05-02 00:00:00.000')).usage.messages).toBe(7);
    expect(scenario.state.usage.has('2026-04')).toBe(false);
  });
});

describe('legacy imports', () => {
  it('normalise the legacy date to UTC with milliseconds, so instants compare as strings', () => {
    const scenario = new Scenario();
    const legacy = { action: 'MONTHLY_PAYMENT', actionDate: '2025-12-01T09:00:00+09:00', chargeAmount: 55_000, refundAmount: 0, description: 'legacy', transactionId: 'old-tx' };
    const cmd = command('LEGACY_LOG_IMPORT', legacy, kst('2026-04-01 10:00:00.000'));
    const [event] = scenario.given(cmd);
    const [log] = billingLogsOf(event);
    expect(log).toMatchObject({ actionDate: '2025-12-01T00:00:00.000Z', billingPeriod: '2025-12', chargeAmount: 55_000, subtotal: null });
    expect(log.subscriptionBillingLogId).toMatch(/^CRMSBL251201090000000SBL\d{8}$/);
  });
});

describe('recorded rejections', () => {
  it('a CommandRejected event makes a redelivery DUPLICATE with the original error', () => {
    const scenario = new Scenario();
    const cmd = command('SEAT_ADD', { seatCount: 2 }, kst('2026-04-01 10:00:00.000'));
    const decision = decide(cmd, scenario.state, { catalog: DEFAULT_CATALOG, actionDate: cmd.issuedAt });
    if (decision.kind !== 'rejected') throw new Error('expected a rejection');
    scenario.append([rejectionEvent(cmd, decision.violation, cmd.issuedAt)]);
    expect(scenario.when(cmd)).toEqual({ kind: 'duplicate', original: { status: 'REJECTED', billingLogIds: [], errorCode: 'NOT_SUBSCRIBED', errorMessage: decision.violation.message } });
  });

  it('ADMIN_SEAT_ADJUST changes seats immediately without a charge', () => {
    const scenario = subscribed('PRO', 5, kst('2026-04-01 10:00:00.000'));
    const [event] = scenario.given(command('ADMIN_SEAT_ADJUST', { seatCount: 2, reason: '계약 변경' }, kst('2026-04-02 10:00:00.000')));
    expect(billingLogsOf(event)[0]).toMatchObject({ action: 'ADMIN_SEAT_ADJUST', seatCount: 2, totalCharge: 0, processedBy: 'ADMIN' });
    expect(scenario.state.seatCount).toBe(2);
  });
});
