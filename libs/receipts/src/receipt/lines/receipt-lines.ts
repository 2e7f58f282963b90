import { formatNumber } from '../../format';
import type { BillingLogInput, BillingSnapshotInput } from '../receipt-input.types';
import type { ReceiptKind } from '../receipt-kind';
import type { ReceiptLine } from '../receipt.types';
import { prorationLine } from './proration-line';
import { refundLines } from './refund-lines';
import { renewalLines } from './renewal-lines';

function chargeItems(log: BillingLogInput, snapshot: BillingSnapshotInput | null): ReceiptLine[] {
  switch (log.action) {
    case 'UPGRADE':
    case 'SEAT_ADD':
      return [prorationLine(log)];
    case 'RENEWAL':
      return renewalLines(log, snapshot);
    default:
      return [
        {
          kind: 'ITEM',
          label: log.description ?? log.action,
          detail: log.calculationDetails?.steps.at(-1) ?? null,
          amount: log.subtotal ?? 0,
        },
      ];
  }
}

function chargeTotals(log: BillingLogInput): ReceiptLine[] {
  const subtotal = log.subtotal ?? 0;
  const tax = log.taxAmount ?? 0;
  return [
    { kind: 'SUBTOTAL', label: '공급가액', detail: null, amount: subtotal },
    { kind: 'VAT', label: '부가세', detail: `floor(${formatNumber(subtotal)} × 10 / 100) = ${formatNumber(tax)}`, amount: tax },
    { kind: 'TOTAL', label: '합계', detail: null, amount: log.totalCharge ?? 0 },
  ];
}

/** Legacy history recorded only a VAT-inclusive total, so the receipt shows just that. */
function legacyLine(log: BillingLogInput, isRefund: boolean): ReceiptLine {
  return {
    kind: 'TOTAL',
    label: isRefund ? '환불 합계 (부가세 포함)' : '합계 (부가세 포함)',
    detail: log.description,
    amount: (isRefund ? log.refundAmount : log.chargeAmount) ?? 0,
  };
}

/** The lines a customer reads, in print order: items, then 공급가액, 부가세 and 합계. */
export function buildReceiptLines(log: BillingLogInput, snapshot: BillingSnapshotInput | null, kind: ReceiptKind): ReceiptLine[] {
  switch (kind) {
    case 'CHARGE':
      return [...chargeItems(log, snapshot), ...chargeTotals(log)];
    case 'REFUND':
      return refundLines(log);
    case 'LEGACY_CHARGE':
      return [legacyLine(log, false)];
    case 'LEGACY_REFUND':
      return [legacyLine(log, true)];
  }
}
