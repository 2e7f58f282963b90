import type { Tier } from '../catalog/catalog';
import type { CardSnapshot, LoggedEvent } from '../events/event';
import { dailyRate, type ProrationDays } from '../money/money';
import { periodEnd, periodOf, periodStart, type Period } from '../time/kst';
import type { BillingLog, BillingLogAction, BillingLogStatus, CalculationDetails } from './billing-log';

export interface LogAmounts {
  readonly chargeAmount: number;
  readonly refundAmount: number;
  readonly subtotal: number | null;
  readonly taxAmount: number | null;
  readonly totalCharge: number | null;
}

export const NO_MONEY: LogAmounts = { chargeAmount: 0, refundAmount: 0, subtotal: 0, taxAmount: 0, totalCharge: 0 };

/** New logs: chargeAmount is the supply value (subtotal). */
export const chargedAmounts = (amounts: { subtotal: number; taxAmount: number; totalCharge: number }): LogAmounts => ({
  chargeAmount: amounts.subtotal,
  refundAmount: 0,
  subtotal: amounts.subtotal,
  taxAmount: amounts.taxAmount,
  totalCharge: amounts.totalCharge,
});

export interface LogDraft {
  readonly event: LoggedEvent;
  readonly action: BillingLogAction;
  readonly fromTier: Tier | null;
  readonly toTier: Tier | null;
  readonly fromMonthlyPrice: number | null;
  readonly toMonthlyPrice: number | null;
  readonly seatCount: number | null;
  readonly unitPrice: number | null;
  readonly calculationDetails: CalculationDetails;
  readonly description: string;
  /** Defaults to the event's occurredAt (legacy imports keep their own business date). */
  readonly actionDate?: string;
  /** Defaults to the period of the actionDate. */
  readonly billingPeriod?: Period;
  /** Present only on prorated and renewal logs. */
  readonly days?: ProrationDays | null;
  readonly amounts?: LogAmounts;
  readonly transactionId?: string | null;
  readonly card?: CardSnapshot | null;
  readonly linkedSnapshotId?: string | null;
  readonly status?: BillingLogStatus;
}

const rateOf = (price: number | null, days: ProrationDays | null): number | null =>
  price === null || days === null ? null : dailyRate(price, days.daysInMonth);

export const buildLog = (draft: LogDraft): BillingLog => {
  const actionDate = draft.actionDate ?? draft.event.occurredAt;
  const billingPeriod = draft.billingPeriod ?? periodOf(actionDate);
  const days = draft.days ?? null;
  const amounts = draft.amounts ?? NO_MONEY;
  const card = draft.card ?? null;
  return {
    subscriptionBillingLogId: draft.event.billingLogId,
    accountId: draft.event.accountId,
    action: draft.action,
    fromTier: draft.fromTier,
    toTier: draft.toTier,
    actionDate,
    billingPeriod,
    billingPeriodStart: periodStart(billingPeriod),
    billingPeriodEnd: periodEnd(billingPeriod),
    daysInMonth: days?.daysInMonth ?? null,
    daysUsed: days?.daysUsed ?? null,
    daysRemaining: days?.daysRemaining ?? null,
    fromMonthlyPrice: draft.fromMonthlyPrice,
    toMonthlyPrice: draft.toMonthlyPrice,
    fromDailyRate: rateOf(draft.fromMonthlyPrice, days),
    toDailyRate: rateOf(draft.toMonthlyPrice, days),
    chargeAmount: amounts.chargeAmount,
    refundAmount: amounts.refundAmount,
    seatCount: draft.seatCount,
    unitPrice: draft.unitPrice,
    subtotal: amounts.subtotal,
    taxAmount: amounts.taxAmount,
    totalCharge: amounts.totalCharge,
    transactionId: draft.transactionId ?? null,
    paymentMethodBrand: card?.brand ?? null,
    paymentMethodLast4: card?.last4 ?? null,
    linkedSnapshotId: draft.linkedSnapshotId ?? null,
    calculationDetails: draft.calculationDetails,
    status: draft.status ?? 'COMPLETED',
    processedBy: draft.event.processedBy,
    description: draft.description,
    dateCreated: draft.event.occurredAt,
  };
};
