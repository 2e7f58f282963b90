import { cardDeclined, command, kst, Scenario, subscribed } from '../testing/scenario.fixtures';
import { billingLogsOf } from './derive';
import { PUBLIC_BILLING_LOG_FIELDS, toPublicBillingLog, type BillingLog } from './billing-log';
import { compareNewestFirst, customerWindowStart, isCustomerVisible } from './visibility';
import { ACCOUNT } from '../testing/scenario.fixtures';

const REQUEST_TIME = kst('2026-04-30 12:00:00.000');

/** E8's history: E1, a PAYMENT_FAILED, a DOWNGRADE_SCHEDULED, a TRIAL_STARTED, a legacy log and a 13-month-old renewal. */
const e8Logs = () => {
  const scenario = subscribed('PRO', 5, kst('2026-04-01 10:00:00.000'));
  const setupEvents = scenario.events.length;
  scenario.given(command('LEGACY_LOG_IMPORT', { action: 'MONTHLY_PAYMENT', actionDate: kst('2025-12-05 10:00:00.000'), chargeAmount: 55_000, refundAmount: 0, description: '2025년 12월 이용료', transactionId: 'legacy-tx-1' }, kst('2026-04-02 10:00:00.000'), { commandId: 'legacy-1' }));
  scenario.given(command('TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' }, kst('2026-04-03 10:00:00.000')));
  const failed = scenario.when(command('SEAT_ADD', { seatCount: 6 }, kst('2026-04-10 10:00:00.000')), cardDeclined);
  expect(failed.kind).toBe('declined');
  scenario.given(command('UPGRADE', { toTier: 'ENTERPRISE' }, '2026-04-23T00:15:30.123Z', { commandId: 'e1-upgrade' }));
  scenario.given(command('DOWNGRADE_SCHEDULED', { toTier: 'PRO' }, kst('2026-04-24 10:00:00.000')));
  const old = subscribed('PRO', 5, kst('2025-02-10 10:00:00.000'), new Scenario());
  old.given(command('RENEWAL', { period: '2025-03' }, kst('2025-03-01 00:00:00.000'), { commandId: `renewal:${ACCOUNT}:2025-03` }));
  const logs = [...scenario.events.slice(setupEvents), ...old.events.slice(-1)].flatMap(billingLogsOf);
  const byAction = (action: string): BillingLog => logs.find((log) => log.action === action)!;
  return { logs, byAction, oldRenewal: old.events.slice(-1).flatMap(billingLogsOf)[0] };
};

describe('E8 — what the list shows', () => {
  const { logs, byAction, oldRenewal } = e8Logs();

  it('lists E1 and the legacy log only, newest first', () => {
    const listed = logs.filter((log) => isCustomerVisible(log, REQUEST_TIME)).sort(compareNewestFirst);
    expect(listed.map((log) => log.action)).toEqual(['UPGRADE', 'MONTHLY_PAYMENT']);
    expect(listed[0].actionDate).toBe('2026-04-23T00:15:30.123Z');
    expect(listed[1]).toMatchObject({ chargeAmount: 55_000, subtotal: null, taxAmount: null, totalCharge: null, billingPeriod: '2025-12' });
  });

  it('maps each listed log to exactly the 18 public fields', () => {
    const item = toPublicBillingLog(byAction('UPGRADE'));
    expect(Object.keys(item).sort()).toEqual([...PUBLIC_BILLING_LOG_FIELDS].sort());
    expect(Object.keys(item)).toHaveLength(18);
    expect(item).not.toHaveProperty('transactionId');
    expect(item).toMatchObject({ chargeAmount: 66_666, totalCharge: 73_332, paymentMethodLast4: '4242' });
  });

  it('hides the PAYMENT_FAILED log, the non-payment actions and the 13-month-old renewal', () => {
    expect(byAction('PAYMENT_FAILED')).toMatchObject({ status: 'FAILED', chargeAmount: 0, totalCharge: 0 });
    for (const action of ['PAYMENT_FAILED', 'DOWNGRADE_SCHEDULED', 'TRIAL_STARTED']) expect(isCustomerVisible(byAction(action), REQUEST_TIME)).toBe(false);
    expect(oldRenewal).toMatchObject({ action: 'RENEWAL', status: 'COMPLETED', totalCharge: 269_500 });
    expect(isCustomerVisible(oldRenewal, REQUEST_TIME)).toBe(false);
  });
});

describe('the 12-month window', () => {
  const visibleAt = (actionDate: string, requestTime: string): boolean => {
    const [log] = e8Logs().logs.filter((candidate) => candidate.action === 'UPGRADE' && candidate.toTier === 'ENTERPRISE');
    return isCustomerVisible({ ...log, actionDate }, requestTime);
  };

  it('starts at the same KST instant 12 calendar months earlier, inclusive', () => {
    expect(customerWindowStart(kst('2026-04-30 12:00:00.000'))).toBe(kst('2025-04-30 12:00:00.000'));
    expect(visibleAt(kst('2025-04-30 12:00:00.000'), REQUEST_TIME)).toBe(true);
    expect(visibleAt(kst('2025-04-30 11:59:59.999'), REQUEST_TIME)).toBe(false);
  });

  it('clamps a missing day to the end of the month (leap day)', () => {
    expect(customerWindowStart(kst('2028-02-29 08:00:00.000'))).toBe(kst('2027-02-28 08:00:00.000'));
  });

  it('does not show logs dated after the request time', () => {
    expect(visibleAt(kst('2026-05-01 00:00:00.000'), REQUEST_TIME)).toBe(false);
  });

  it('hides zero-amount logs', () => {
    const [log] = e8Logs().logs.filter((candidate) => candidate.action === 'UPGRADE');
    expect(isCustomerVisible({ ...log, chargeAmount: 0, totalCharge: 0, refundAmount: 0 }, REQUEST_TIME)).toBe(false);
  });
});
