import type { Tier } from '../catalog/catalog';
import type { IssuerType } from '../commands/command';
import type { Period } from '../time/kst';

export const BILLING_LOG_ACTIONS = [
  'UPGRADE',
  'SEAT_ADD',
  'SEAT_REDUCE_SCHEDULED',
  'ADMIN_SEAT_ADJUST',
  'DOWNGRADE_SCHEDULED',
  'CANCEL_SCHEDULED',
  'SCHEDULED_CHANGE_REVOKED',
  'RENEWAL',
  'CANCELED',
  'SUBSCRIPTION_EXPIRED',
  'PAYMENT_FAILED',
  'ADMIN_REFUND',
  'TRIAL_STARTED',
  'TRIAL_EXPIRED',
  'TRIAL_CANCELED',
] as const;
/** New logs use BILLING_LOG_ACTIONS; legacy imports keep the action they were recorded with. */
export type BillingLogAction = (typeof BILLING_LOG_ACTIONS)[number] | (string & {});

export type BillingLogStatus = 'COMPLETED' | 'FAILED';

export interface CalculationDetails {
  readonly description: string;
  readonly steps: readonly string[];
}

/** The 32-field detail; every key is always present, `null` where the field does not apply. */
export interface BillingLog {
  readonly subscriptionBillingLogId: string;
  readonly accountId: string;
  readonly action: BillingLogAction;
  readonly fromTier: Tier | null;
  readonly toTier: Tier | null;
  readonly actionDate: string;
  readonly billingPeriod: Period;
  readonly billingPeriodStart: string;
  readonly billingPeriodEnd: string;
  readonly daysInMonth: number | null;
  readonly daysUsed: number | null;
  readonly daysRemaining: number | null;
  readonly fromMonthlyPrice: number | null;
  readonly toMonthlyPrice: number | null;
  readonly fromDailyRate: number | null;
  readonly toDailyRate: number | null;
  readonly chargeAmount: number;
  readonly refundAmount: number;
  readonly seatCount: number | null;
  readonly unitPrice: number | null;
  readonly subtotal: number | null;
  readonly taxAmount: number | null;
  readonly totalCharge: number | null;
  readonly transactionId: string | null;
  readonly paymentMethodBrand: string | null;
  readonly paymentMethodLast4: string | null;
  readonly linkedSnapshotId: string | null;
  readonly calculationDetails: CalculationDetails;
  readonly status: BillingLogStatus;
  readonly processedBy: IssuerType;
  readonly description: string;
  readonly dateCreated: string;
}

export const BILLING_LOG_FIELDS = [
  'subscriptionBillingLogId', 'accountId', 'action', 'fromTier', 'toTier', 'actionDate', 'billingPeriod',
  'billingPeriodStart', 'billingPeriodEnd', 'daysInMonth', 'daysUsed', 'daysRemaining', 'fromMonthlyPrice',
  'toMonthlyPrice', 'fromDailyRate', 'toDailyRate', 'chargeAmount', 'refundAmount', 'seatCount', 'unitPrice',
  'subtotal', 'taxAmount', 'totalCharge', 'transactionId', 'paymentMethodBrand', 'paymentMethodLast4',
  'linkedSnapshotId', 'calculationDetails', 'status', 'processedBy', 'description', 'dateCreated',
] as const satisfies readonly (keyof BillingLog)[];

export const PUBLIC_BILLING_LOG_FIELDS = [
  'subscriptionBillingLogId', 'action', 'fromTier', 'toTier', 'actionDate', 'billingPeriod', 'billingPeriodStart',
  'billingPeriodEnd', 'seatCount', 'unitPrice', 'chargeAmount', 'refundAmount', 'subtotal', 'taxAmount',
  'totalCharge', 'paymentMethodBrand', 'paymentMethodLast4', 'description',
] as const satisfies readonly (keyof BillingLog)[];

export type PublicBillingLog = Pick<BillingLog, (typeof PUBLIC_BILLING_LOG_FIELDS)[number]>;

/**
 * Exactly the 18 whitelisted fields: no transactionId, processedBy, accountId, ... Copied in a
 * loop: it runs for every item of every list page (Object.fromEntries built 18 pairs per item).
 */
export const toPublicBillingLog = (log: BillingLog): PublicBillingLog => {
  const item: Record<string, unknown> = {};
  for (const field of PUBLIC_BILLING_LOG_FIELDS) item[field] = log[field];
  return item as PublicBillingLog;
};
