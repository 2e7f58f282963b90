import { type BillingLog, type Period, periodOf, previousPeriod } from '@ledger/domain';

export interface MonthlyCharge {
  readonly period: Period;
  /** VAT included (legacy logs: their recorded charge); integer KRW. */
  readonly amount: number;
}

export const CHART_MONTHS = 12;

/**
 * Charges per KST month for the 12 months ending with the month of `now`, oldest first. Takes
 * logs the customer may see (domain's isCustomerVisible); refunds carry no charge and add 0.
 */
export const monthlyCharges = (visibleLogs: readonly BillingLog[], now: string): MonthlyCharge[] => {
  const periods: Period[] = [periodOf(now)];
  while (periods.length < CHART_MONTHS) periods.unshift(previousPeriod(periods[0]));
  const totals = new Map<Period, number>(periods.map((period) => [period, 0]));
  for (const log of visibleLogs) {
    const period = periodOf(log.actionDate);
    const current = totals.get(period);
    if (current !== undefined) totals.set(period, current + (log.totalCharge ?? log.chargeAmount));
  }
  return periods.map((period) => ({ period, amount: totals.get(period) ?? 0 }));
};
