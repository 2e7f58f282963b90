import { minusCalendarMonths, toMillis } from '../time/kst';
import type { BillingLog } from './billing-log';

/** Never listed, detail 404. */
export const NON_PAYMENT_ACTIONS = [
  'DOWNGRADE_SCHEDULED',
  'CANCEL_SCHEDULED',
  'SEAT_REDUCE_SCHEDULED',
  'SCHEDULED_CHANGE_REVOKED',
  'ADMIN_SEAT_ADJUST',
  'PAYMENT_FAILED',
  'CANCELED',
  'SUBSCRIPTION_EXPIRED',
  'TRIAL_STARTED',
  'TRIAL_EXPIRED',
  'TRIAL_CANCELED',
] as const;

export const CUSTOMER_WINDOW_MONTHS = 12;

/** Oldest actionDate still shown: the same KST wall-clock instant 12 calendar months before (inclusive). */
export const customerWindowStart = (requestTime: string): string => minusCalendarMonths(requestTime, CUSTOMER_WINDOW_MONTHS);

const isPositive = (amount: number | null): boolean => amount !== null && amount > 0;

export const isCustomerVisible = (log: BillingLog, requestTime: string): boolean => {
  const actionMs = toMillis(log.actionDate);
  return (
    log.status === 'COMPLETED' &&
    !(NON_PAYMENT_ACTIONS as readonly string[]).includes(log.action) &&
    actionMs >= toMillis(customerWindowStart(requestTime)) &&
    actionMs <= toMillis(requestTime) &&
    (isPositive(log.totalCharge) || isPositive(log.chargeAmount) || isPositive(log.refundAmount))
  );
};

/** Newest first: actionDate descending, then id descending. */
export const compareNewestFirst = (a: BillingLog, b: BillingLog): number => {
  const byDate = toMillis(b.actionDate) - toMillis(a.actionDate);
  if (byDate !== 0) return byDate;
  return a.subscriptionBillingLogId < b.subscriptionBillingLogId ? 1 : a.subscriptionBillingLogId > b.subscriptionBillingLogId ? -1 : 0;
};
