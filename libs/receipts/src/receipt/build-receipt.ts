import { assertLinesMatchLog, assertReceiptable } from './receipt-consistency';
import type { BillingLogInput, BillingSnapshotInput } from './receipt-input.types';
import { expectedTotal, receiptKindOf } from './receipt-kind';
import { ReceiptMismatchError } from './receipt-mismatch.error';
import { receiptNumberFor } from './receipt-number';
import type { Customer, Receipt, ReceiptRefund, Supplier } from './receipt.types';
import { buildReceiptLines } from './lines/receipt-lines';
import { DEMO_SUPPLIER } from './supplier';

export interface BuildReceiptInput<L extends BillingLogInput, S extends BillingSnapshotInput> {
  readonly log: L;
  /** The snapshot the log links (linkedSnapshotId), or null when it links none. */
  readonly snapshot?: S | null;
  /** ADMIN_REFUND logs issued against this log. */
  readonly refunds?: readonly BillingLogInput[];
  readonly supplier?: Supplier;
  /** Defaults to the log's account; a different accountId is refused. */
  readonly customer?: { readonly accountId?: string; readonly name?: string | null };
  /** ISO-8601 instant the receipt is issued; the caller's clock, so that building stays pure. */
  readonly issuedAt: string;
}

function customerFor(log: BillingLogInput, given: BuildReceiptInput<BillingLogInput, BillingSnapshotInput>['customer']): Customer {
  if (given?.accountId !== undefined && given.accountId !== log.accountId) {
    throw new ReceiptMismatchError(`Log ${log.subscriptionBillingLogId} belongs to ${log.accountId}, not ${given.accountId}`);
  }
  return { accountId: log.accountId, name: given?.name ?? null };
}

function refundsAgainst(log: BillingLogInput, refundLogs: readonly BillingLogInput[]): ReceiptRefund[] {
  const refunds = refundLogs
    .map((refund) => {
      if (refund.accountId !== log.accountId || !((refund.refundAmount ?? 0) > 0)) {
        throw new ReceiptMismatchError(`${refund.subscriptionBillingLogId} is not a refund of ${log.subscriptionBillingLogId}`);
      }
      return { id: refund.subscriptionBillingLogId, date: refund.actionDate, amount: refund.refundAmount ?? 0 };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const refunded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  if (refunded > expectedTotal(log, receiptKindOf(log))) {
    throw new ReceiptMismatchError(`Refunds of ${refunded} exceed what log ${log.subscriptionBillingLogId} charged`);
  }
  return refunds;
}

/**
 * Assembles the receipt of one billing log (GET /plans/me/receipts/:logId). Pure: the same input
 * gives the same receipt. Throws ReceiptMismatchError when the lines would not add up to the log.
 */
export function buildReceipt<L extends BillingLogInput, S extends BillingSnapshotInput = BillingSnapshotInput>(
  input: BuildReceiptInput<L, S>,
): Receipt<L, S> {
  const { log, issuedAt } = input;
  const snapshot = input.snapshot ?? null;
  if (Number.isNaN(Date.parse(issuedAt))) throw new RangeError(`issuedAt is not an ISO-8601 instant: ${issuedAt}`);
  assertReceiptable(log, snapshot);
  const kind = receiptKindOf(log);
  const lines = buildReceiptLines(log, snapshot, kind);
  assertLinesMatchLog(lines, log, kind);
  return {
    receiptNumber: receiptNumberFor(log.subscriptionBillingLogId),
    issuedAt,
    supplier: input.supplier ?? DEMO_SUPPLIER,
    customer: customerFor(log, input.customer),
    log,
    snapshot,
    lines,
    refunds: refundsAgainst(log, input.refunds ?? []),
  };
}
