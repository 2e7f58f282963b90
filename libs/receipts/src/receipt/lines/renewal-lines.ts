import { formatNumber } from '../../format';
import { ReceiptMismatchError } from '../receipt-mismatch.error';
import type { BillingLogInput, BillingSnapshotInput, OverageLineInput } from '../receipt-input.types';
import type { ReceiptLine } from '../receipt.types';

const METRIC_LABELS: Readonly<Record<string, string>> = { messages: '메시지', contacts: '연락처' };

/** The base fee is charged for the new period at the tier and seats in force after the renewal. */
function baseFeeLine(log: BillingLogInput): ReceiptLine {
  const unitPrice = log.unitPrice ?? 0;
  const seats = log.seatCount ?? 0;
  const amount = unitPrice * seats;
  return {
    kind: 'ITEM',
    label: `기본 요금 (${log.toTier ?? ''} × ${seats}석, ${log.billingPeriod ?? ''})`,
    detail: `${formatNumber(unitPrice)} × ${seats} = ${formatNumber(amount)}`,
    amount,
  };
}

function overageLine(line: OverageLineInput, closingPeriod: string): ReceiptLine {
  if (line.overageUnits * line.unitPrice !== line.amount || line.used - line.included !== line.overageUnits) {
    throw new ReceiptMismatchError(`Overage line for ${line.metric} does not add up: ${JSON.stringify(line)}`);
  }
  const metric = METRIC_LABELS[line.metric] ?? line.metric;
  return {
    kind: 'ITEM',
    label: `초과 사용 (${metric}, ${closingPeriod})`,
    detail: `(${formatNumber(line.used)} − ${formatNumber(line.included)}) × ${formatNumber(line.unitPrice)} = ${formatNumber(line.amount)}`,
    amount: line.amount,
  };
}

/** A RENEWAL: the new period's base fee plus the closing period's overage from its snapshot. */
export function renewalLines(log: BillingLogInput, snapshot: BillingSnapshotInput | null): ReceiptLine[] {
  const overage = (snapshot?.overageLines ?? [])
    .filter((line) => line.amount > 0)
    .map((line) => overageLine(line, snapshot?.billingPeriod ?? ''));
  return [baseFeeLine(log), ...overage];
}
