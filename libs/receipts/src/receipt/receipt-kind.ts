import type { BillingLogInput } from './receipt-input.types';

/**
 * What a log's receipt shows. Legacy logs (before seat billing) recorded only the total in
 * chargeAmount, with subtotal, taxAmount and totalCharge null, so they have no VAT split to print.
 */
export type ReceiptKind = 'CHARGE' | 'REFUND' | 'LEGACY_CHARGE' | 'LEGACY_REFUND';

export function receiptKindOf(log: BillingLogInput): ReceiptKind {
  const charged = log.totalCharge ?? log.chargeAmount ?? 0;
  const refund = (log.refundAmount ?? 0) > 0 && charged === 0;
  if (log.subtotal === null) return refund ? 'LEGACY_REFUND' : 'LEGACY_CHARGE';
  return refund ? 'REFUND' : 'CHARGE';
}

export function isRefundKind(kind: ReceiptKind): boolean {
  return kind === 'REFUND' || kind === 'LEGACY_REFUND';
}

/** The VAT-inclusive amount the receipt's TOTAL line must show. */
export function expectedTotal(log: BillingLogInput, kind: ReceiptKind): number {
  switch (kind) {
    case 'CHARGE':
      return log.totalCharge ?? 0;
    case 'LEGACY_CHARGE':
      return log.chargeAmount ?? 0;
    case 'REFUND':
    case 'LEGACY_REFUND':
      return log.refundAmount ?? 0;
  }
}
