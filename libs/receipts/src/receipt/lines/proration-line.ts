import { formatNumber } from '../../format';
import { ReceiptMismatchError } from '../receipt-mismatch.error';
import type { BillingLogInput } from '../receipt-input.types';
import type { ReceiptLine } from '../receipt.types';

/**
 * The step of `calculationDetails` that prorates the monthly difference, e.g.
 * `(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666`. The domain writes every number of the calculation
 * there (the previous seat count included, which the 32 log fields do not carry), so the receipt
 * prints that step instead of reconstructing it.
 */
function prorationStep(log: BillingLogInput): string {
  const { daysInMonth, subtotal, calculationDetails } = log;
  if (daysInMonth === null || subtotal === null) {
    throw new ReceiptMismatchError(`Log ${log.subscriptionBillingLogId} is prorated but has no daysInMonth or subtotal`);
  }
  const ending = ` / ${daysInMonth} = ${formatNumber(subtotal)}`;
  const step = calculationDetails?.steps.find((candidate) => candidate.endsWith(ending));
  if (step === undefined) {
    throw new ReceiptMismatchError(`Log ${log.subscriptionBillingLogId} has no calculation step ending in "${ending.trim()}"`);
  }
  return step;
}

/** One line for a prorated UPGRADE or SEAT_ADD: the days-remaining share of the monthly difference. */
export function prorationLine(log: BillingLogInput): ReceiptLine {
  const isSeatAdd = log.action === 'SEAT_ADD';
  const seats = log.seatCount === null ? '' : `, ${log.seatCount}석`;
  const label = isSeatAdd
    ? `인원 추가 일할 계산 (${log.toTier ?? ''}${seats})`
    : `요금제 변경 일할 계산 (${log.fromTier ?? ''} → ${log.toTier ?? ''}${seats})`;
  return { kind: 'ITEM', label, detail: prorationStep(log), amount: log.subtotal ?? 0 };
}
