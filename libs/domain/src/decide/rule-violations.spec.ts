import { RULE_VIOLATION_CODES, type RuleViolationCode } from '../commands/rule-violation';
import type { Decision } from './decision';
import { ACCOUNT, cardDeclined, command, kst, Scenario, subscribed, VISA } from '../testing/scenario.fixtures';

const APRIL = kst('2026-04-10 10:00:00.000');
const pro5 = () => subscribed('PRO', 5, kst('2026-04-01 10:00:00.000'));
const free = () => new Scenario();
const renewalId = (period: string, retry?: number) => `renewal:${ACCOUNT}:${period}${retry ? `:retry:${retry}` : ''}`;

const cases: ReadonlyArray<[RuleViolationCode, string, () => Decision]> = [
  ['ACCOUNT_MISMATCH', 'a command for another account', () => pro5().when(command('SEAT_ADD', { seatCount: 6 }, APRIL, { accountId: 'other' }))],
  ['TIER_NOT_HIGHER', 'UPGRADE to the same tier', () => pro5().when(command('UPGRADE', { toTier: 'PRO' }, APRIL))],
  ['TIER_NOT_HIGHER', 'TRIAL_START of a lower tier', () => pro5().when(command('TRIAL_START', { trialTier: 'STARTER', trialDays: 7, onExpiry: 'REVERT' }, APRIL))],
  ['TIER_NOT_LOWER', 'DOWNGRADE_SCHEDULED to a higher tier', () => pro5().when(command('DOWNGRADE_SCHEDULED', { toTier: 'ENTERPRISE' }, APRIL))],
  ['INVALID_TARGET_TIER', 'DOWNGRADE_SCHEDULED to FREE', () => pro5().when(command('DOWNGRADE_SCHEDULED', { toTier: 'FREE' }, APRIL))],
  ['INVALID_TARGET_TIER', 'UPGRADE to an unknown tier', () => pro5().when(command('UPGRADE', { toTier: 'GOLD' as never }, APRIL))],
  ['SEAT_LIMIT_EXCEEDED', 'SEAT_ADD beyond PRO max 100', () => pro5().when(command('SEAT_ADD', { seatCount: 101 }, APRIL))],
  ['SEAT_LIMIT_EXCEEDED', 'UPGRADE to STARTER with 21 seats', () => {
    const scenario = free();
    scenario.given(command('PAYMENT_METHOD_UPDATE', VISA, APRIL));
    return scenario.when(command('UPGRADE', { toTier: 'STARTER', seatCount: 21 }, APRIL));
  }],
  ['SEAT_LIMIT_EXCEEDED', 'ADMIN_SEAT_ADJUST beyond the max', () => pro5().when(command('ADMIN_SEAT_ADJUST', { seatCount: 101 }, APRIL))],
  ['SEAT_COUNT_NOT_HIGHER', 'SEAT_ADD to the current count', () => pro5().when(command('SEAT_ADD', { seatCount: 5 }, APRIL))],
  ['SEAT_COUNT_NOT_LOWER', 'SEAT_REDUCE_SCHEDULED to the current count', () => pro5().when(command('SEAT_REDUCE_SCHEDULED', { seatCount: 5 }, APRIL))],
  ['SEAT_COUNT_BELOW_CURRENT', 'UPGRADE with fewer seats', () => pro5().when(command('UPGRADE', { toTier: 'ENTERPRISE', seatCount: 4 }, APRIL))],
  ['PAYMENT_METHOD_REQUIRED', 'UPGRADE without a card', () => free().when(command('UPGRADE', { toTier: 'PRO' }, APRIL))],
  ['PAYMENT_DECLINED', 'a declined upgrade charge', () => pro5().when(command('UPGRADE', { toTier: 'ENTERPRISE' }, APRIL), cardDeclined)],
  ['REFUND_EXCEEDS_REMAINDER', 'a refund above the charge', () => {
    const scenario = pro5();
    const [charge] = scenario.state.charges.keys();
    return scenario.when(command('ADMIN_REFUND', { originalLogId: charge, amount: 10_000_000, reason: 'x' }, APRIL));
  }],
  ['NOT_REFUNDABLE', 'a refund of a legacy log', () => {
    const scenario = pro5();
    const [legacy] = scenario.given(command('LEGACY_LOG_IMPORT', { action: 'MONTHLY_PAYMENT', actionDate: kst('2025-12-01 00:00:00.000'), chargeAmount: 55_000, refundAmount: 0, description: 'legacy', transactionId: 'old-tx' }, APRIL));
    return scenario.when(command('ADMIN_REFUND', { originalLogId: (legacy.data as { billingLogId: string }).billingLogId, amount: 1_000, reason: 'x' }, APRIL));
  }],
  ['ORIGINAL_LOG_NOT_FOUND', 'a refund of an unknown log', () => pro5().when(command('ADMIN_REFUND', { originalLogId: 'CRMSBL260401100000000SBL00000000', amount: 1, reason: 'x' }, APRIL))],
  ['NOT_SUBSCRIBED', 'SEAT_ADD on FREE', () => free().when(command('SEAT_ADD', { seatCount: 2 }, APRIL))],
  ['NOT_SUBSCRIBED', 'CANCEL_SCHEDULED on FREE', () => free().when(command('CANCEL_SCHEDULED', {}, APRIL))],
  ['NOT_SUBSCRIBED', 'RENEWAL on FREE', () => free().when(command('RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), { commandId: renewalId('2026-05') }))],
  ['NO_SCHEDULED_CHANGE', 'REVOKE without a scheduled change', () => pro5().when(command('REVOKE_SCHEDULED_CHANGE', {}, APRIL))],
  ['TRIAL_ALREADY_ACTIVE', 'a second TRIAL_START', () => {
    const scenario = pro5();
    scenario.given(command('TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' }, APRIL));
    return scenario.when(command('TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' }, APRIL));
  }],
  ['NO_ACTIVE_TRIAL', 'TRIAL_CANCEL without a trial', () => pro5().when(command('TRIAL_CANCEL', {}, APRIL))],
  ['NO_ACTIVE_TRIAL', 'TRIAL_EXPIRE without a trial', () => pro5().when(command('TRIAL_EXPIRE', {}, APRIL))],
  ['TRIAL_NOT_DUE', 'TRIAL_EXPIRE before trialExpiresAt', () => {
    const scenario = pro5();
    scenario.given(command('TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' }, APRIL));
    return scenario.when(command('TRIAL_EXPIRE', {}, kst('2026-04-17 09:59:59.999')));
  }],
  ['FORBIDDEN_ISSUER', 'ADMIN_REFUND by a USER', () => pro5().when(command('ADMIN_REFUND', { originalLogId: 'x', amount: 1, reason: 'x' }, APRIL, { issuedBy: 'USER' }))],
  ['FORBIDDEN_ISSUER', 'RENEWAL by an ADMIN', () => pro5().when(command('RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), { commandId: renewalId('2026-05'), issuedBy: 'ADMIN' }))],
  ['INVALID_COMMAND_ID', 'RENEWAL with a free-form commandId', () => pro5().when(command('RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), { commandId: 'renew-may' }))],
  ['INVALID_COMMAND_ID', 'RENEWAL whose commandId names another period', () => pro5().when(command('RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), { commandId: renewalId('2026-06') }))],
  ['RENEWAL_PENDING', 'SEAT_ADD in May before the May renewal', () => pro5().when(command('SEAT_ADD', { seatCount: 6 }, kst('2026-05-01 00:00:01.000')))],
  ['PERIOD_ALREADY_RENEWED', 'RENEWAL of the current period', () => pro5().when(command('RENEWAL', { period: '2026-04' }, kst('2026-04-30 00:00:00.000'), { commandId: renewalId('2026-04') }))],
  ['RENEWAL_NOT_DUE', 'RENEWAL before the period starts', () => pro5().when(command('RENEWAL', { period: '2026-05' }, kst('2026-04-30 23:59:59.999'), { commandId: renewalId('2026-05') }))],
  ['RENEWAL_NOT_DUE', 'RENEWAL skipping a period', () => pro5().when(command('RENEWAL', { period: '2026-06' }, kst('2026-06-01 00:00:00.000'), { commandId: renewalId('2026-06') }))],
  ['RENEWAL_NOT_DUE', 'a retry without a failed attempt', () => pro5().when(command('RENEWAL', { period: '2026-05' }, kst('2026-05-02 00:00:00.000'), { commandId: renewalId('2026-05', 1) }))],
];

describe('rule violations', () => {
  it.each(cases)('%s: %s', (code, _title, run) => {
    const decision = run();
    const found = decision.kind === 'rejected' || decision.kind === 'declined' ? decision.violation : null;
    expect(found).toMatchObject({ code, retryable: code === 'RENEWAL_PENDING' });
    expect(found?.message).toEqual(expect.any(String));
  });

  it('has a case for every code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(RULE_VIOLATION_CODES));
  });
});
