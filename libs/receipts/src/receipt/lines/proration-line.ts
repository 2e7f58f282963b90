import { formatNumber } from '../../format';
import type { BillingLogInput } from '../receipt-input.types';
import type { ReceiptLine } from '../receipt.types';

interface Proration {
  readonly fromPrice: number;
  readonly toPrice: number;
  readonly seats: number;
  readonly daysRemaining: number;
  readonly daysInMonth: number;
  readonly subtotal: number;
}

function prorationOf(log: BillingLogInput): Proration | null {
  const { fromMonthlyPrice, toMonthlyPrice, seatCount, daysRemaining, daysInMonth, subtotal } = log;
  if (fromMonthlyPrice === null || toMonthlyPrice === null || seatCount === null) return null;
  if (daysRemaining === null || daysInMonth === null || subtotal === null) return null;
  return { fromPrice: fromMonthlyPrice, toPrice: toMonthlyPrice, seats: seatCount, daysRemaining, daysInMonth, subtotal };
}

const prorate = (p: Proration, monthlyDelta: number): number => Math.floor((monthlyDelta * p.daysRemaining) / p.daysInMonth);

/**
 * The 32 log fields carry the new seat count but not the previous one, which the formula needs.
 * The previous count is recovered by trying each candidate: with a non-zero price the prorated
 * amount changes by at least 1 won per seat, so at most one candidate matches the recorded subtotal.
 */
function upgradeFormula(p: Proration): string | null {
  for (let previousSeats = 1; previousSeats <= p.seats; previousSeats++) {
    const delta = p.toPrice * p.seats - p.fromPrice * previousSeats;
    if (prorate(p, delta) !== p.subtotal) continue;
    const [to, from] = [formatNumber(p.toPrice), formatNumber(p.fromPrice)];
    return `(${to} × ${p.seats} − ${from} × ${previousSeats}) × ${p.daysRemaining} / ${p.daysInMonth} = ${formatNumber(p.subtotal)}`;
  }
  return null;
}

function seatAddFormula(p: Proration): string | null {
  for (let previousSeats = 1; previousSeats < p.seats; previousSeats++) {
    if (prorate(p, p.toPrice * (p.seats - previousSeats)) !== p.subtotal) continue;
    const price = formatNumber(p.toPrice);
    return `${price} × (${p.seats} − ${previousSeats}) × ${p.daysRemaining} / ${p.daysInMonth} = ${formatNumber(p.subtotal)}`;
  }
  return null;
}

function lastCalculationStep(log: BillingLogInput): string | null {
  return log.calculationDetails?.steps.at(-1) ?? null;
}

/** One line for a prorated UPGRADE or SEAT_ADD: the days-remaining share of the monthly difference. */
export function prorationLine(log: BillingLogInput): ReceiptLine {
  const proration = prorationOf(log);
  const isSeatAdd = log.action === 'SEAT_ADD';
  const formula = proration && (isSeatAdd ? seatAddFormula(proration) : upgradeFormula(proration));
  const seats = log.seatCount === null ? '' : `, ${log.seatCount}석`;
  const label = isSeatAdd
    ? `인원 추가 일할 계산 (${log.toTier ?? ''}${seats})`
    : `요금제 변경 일할 계산 (${log.fromTier ?? ''} → ${log.toTier ?? ''}${seats})`;
  return { kind: 'ITEM', label, detail: formula ?? lastCalculationStep(log), amount: log.subtotal ?? 0 };
}
