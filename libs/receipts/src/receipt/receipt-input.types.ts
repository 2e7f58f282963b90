/**
 * Structural input shapes for receipts. They mirror the spec (domain.md, http-api.md) rather than
 * importing @ledger/domain, so that the domain's BillingLog and BillingSnapshot fit them as they are.
 * Every field is readonly and as wide as the spec allows, so narrower real types are assignable.
 */

export interface CalculationDetailsInput {
  readonly description: string;
  readonly steps: readonly string[];
}

/** The 32-field billing log detail (billing-log-detail.ko.txt). Instants are ISO-8601 UTC strings. */
export interface BillingLogInput {
  readonly subscriptionBillingLogId: string;
  readonly accountId: string;
  readonly action: string;
  readonly fromTier: string | null;
  readonly toTier: string | null;
  readonly actionDate: string;
  readonly billingPeriod: string | null;
  readonly billingPeriodStart: string | null;
  readonly billingPeriodEnd: string | null;
  readonly daysInMonth: number | null;
  readonly daysUsed: number | null;
  readonly daysRemaining: number | null;
  readonly fromMonthlyPrice: number | null;
  readonly toMonthlyPrice: number | null;
  readonly fromDailyRate: number | null;
  readonly toDailyRate: number | null;
  readonly chargeAmount: number | null;
  readonly refundAmount: number | null;
  readonly seatCount: number | null;
  readonly unitPrice: number | null;
  readonly subtotal: number | null;
  readonly taxAmount: number | null;
  readonly totalCharge: number | null;
  readonly transactionId: string | null;
  readonly paymentMethodBrand: string | null;
  readonly paymentMethodLast4: string | null;
  readonly linkedSnapshotId: string | null;
  readonly calculationDetails: CalculationDetailsInput | null;
  readonly status: string;
  readonly processedBy: string | null;
  readonly description: string | null;
  readonly dateCreated: string;
}

export interface OverageLineInput {
  readonly metric: string;
  readonly included: number;
  readonly used: number;
  readonly overageUnits: number;
  readonly unitPrice: number;
  readonly amount: number;
}

/** The billing snapshot of a closed period (GET /plans/me/billing-snapshots/:snapshotId). */
export interface BillingSnapshotInput {
  readonly snapshotId: string;
  readonly accountId: string;
  readonly billingPeriod: string;
  readonly tier: string;
  readonly seatCount: number;
  readonly usage: { readonly messages: number; readonly contacts: number };
  readonly limits: { readonly messages: number | null; readonly contacts: number | null; readonly seats: number | null };
  readonly overageLines: readonly OverageLineInput[];
  readonly baseFee: number;
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly totalCharge: number;
  readonly capturedAt: string;
}
