import type { BillingLogInput, BillingSnapshotInput } from './receipt-input.types';
import { expectedTotal, type ReceiptKind } from './receipt-kind';
import { ReceiptMismatchError } from './receipt-mismatch.error';
import type { ReceiptLine, ReceiptLineKind } from './receipt.types';

function sumOf(lines: readonly ReceiptLine[], kind: ReceiptLineKind): number {
  return lines.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.amount, 0);
}

function requireEqual(actual: number | null, expected: number | null, what: string, logId: string): void {
  if (actual !== expected) throw new ReceiptMismatchError(`${what}: ${actual} ≠ ${expected} (log ${logId})`);
}

/** The log must be a completed charge or refund, and the snapshot (if any) the one it links. */
export function assertReceiptable(log: BillingLogInput, snapshot: BillingSnapshotInput | null): void {
  const id = log.subscriptionBillingLogId;
  if (log.status !== 'COMPLETED') throw new ReceiptMismatchError(`No receipt for a ${log.status} log (${id})`);
  if (snapshot?.snapshotId !== (log.linkedSnapshotId ?? undefined)) {
    throw new ReceiptMismatchError(`Log ${id} links snapshot ${log.linkedSnapshotId}, got ${snapshot?.snapshotId ?? 'none'}`);
  }
}

/**
 * Every printed amount must agree with the log's own totals: items add up to 공급가액,
 * 공급가액 + 부가세 = 합계, and 합계 is what was charged (or refunded). A mismatch is a bug.
 */
export function assertLinesMatchLog(lines: readonly ReceiptLine[], log: BillingLogInput, kind: ReceiptKind): void {
  const id = log.subscriptionBillingLogId;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount < 0) {
      throw new ReceiptMismatchError(`Line "${line.label}" has amount ${line.amount} (log ${id})`);
    }
  }
  if (lines.filter((line) => line.kind === 'TOTAL').length !== 1) throw new ReceiptMismatchError(`Exactly one TOTAL line (log ${id})`);
  const [items, subtotal, vat, total] = (['ITEM', 'SUBTOTAL', 'VAT', 'TOTAL'] as const).map((k) => sumOf(lines, k));
  requireEqual(total, expectedTotal(log, kind), 'TOTAL line vs log', id);
  if (kind === 'LEGACY_CHARGE' || kind === 'LEGACY_REFUND') return;
  requireEqual(items, subtotal, 'ITEM lines vs SUBTOTAL', id);
  requireEqual(subtotal + vat, total, 'SUBTOTAL + VAT vs TOTAL', id);
  if (kind === 'CHARGE') {
    requireEqual(subtotal, log.subtotal, 'SUBTOTAL vs log.subtotal', id);
    requireEqual(vat, log.taxAmount, 'VAT vs log.taxAmount', id);
    requireEqual(Math.floor((subtotal * 10) / 100), vat, 'VAT vs floor(subtotal × 10 / 100)', id);
    requireEqual(log.chargeAmount, log.subtotal, 'log.chargeAmount vs log.subtotal', id);
  }
}
