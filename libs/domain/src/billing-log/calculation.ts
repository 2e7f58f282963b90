import type { ChargeQuote, RenewalQuote, SeatAddCharge, UpgradeCharge } from '../events/charges';
import type { RefundIssuedData } from '../events/event';
import { formatKrw as krw } from '../money/integer';
import type { ProrationDays } from '../money/money';
import { kstDate } from '../time/kst';
import type { CalculationDetails } from './billing-log';

// × is U+00D7 and − is U+2212, as in the spec's worked example.
const TIMES = '\u00d7';
const MINUS = '\u2212';

const TRUNCATION_NOTE = '공급가액과 부가세는 원 미만 절사';

const daysStep = (actionDate: string, days: ProrationDays): string =>
  `일수: ${kstDate(actionDate)} (KST) 기준 ${days.daysInMonth}일 중 사용 ${days.daysUsed}일, 남은 일수 ${days.daysRemaining}일 (당일 포함)`;

const vatSteps = (amounts: { subtotal: number; taxAmount: number; totalCharge: number }): string[] => [
  `부가세: ${krw(amounts.subtotal)} ${TIMES} 10 / 100 = ${krw(amounts.taxAmount)}`,
  `합계: ${krw(amounts.subtotal)} + ${krw(amounts.taxAmount)} = ${krw(amounts.totalCharge)}`,
];

const upgradeSteps = (charge: UpgradeCharge, actionDate: string): string[] => [
  daysStep(actionDate, charge.proration),
  `(${krw(charge.toMonthlyPrice)} ${TIMES} ${charge.toSeats} ${MINUS} ${krw(charge.fromMonthlyPrice)} ${TIMES} ${charge.fromSeats}) ${TIMES} ${charge.proration.daysRemaining} / ${charge.proration.daysInMonth} = ${krw(charge.subtotal)}`,
  ...vatSteps(charge),
];

const seatAddSteps = (charge: SeatAddCharge, actionDate: string): string[] => [
  daysStep(actionDate, charge.proration),
  `${krw(charge.monthlyPrice)} ${TIMES} (${charge.toSeats} ${MINUS} ${charge.fromSeats}) ${TIMES} ${charge.proration.daysRemaining} / ${charge.proration.daysInMonth} = ${krw(charge.subtotal)}`,
  ...vatSteps(charge),
];

const renewalSteps = (quote: RenewalQuote): string[] => [
  `기본료: ${krw(quote.toMonthlyPrice)} ${TIMES} ${quote.toSeats} = ${krw(quote.baseFee)}`,
  ...quote.snapshot.overageLines.map(
    (line) => `초과 ${line.metric}: (${krw(line.used)} ${MINUS} ${krw(line.included)}) ${TIMES} ${krw(line.unitPrice)} = ${krw(line.amount)}`,
  ),
  `공급가액: ${krw(quote.baseFee)} + ${krw(quote.overageAmount)} = ${krw(quote.subtotal)}`,
  ...vatSteps(quote),
];

export const chargeCalculation = (quote: ChargeQuote, actionDate: string): CalculationDetails => {
  switch (quote.kind) {
    case 'UPGRADE':
      return { description: `업그레이드 일할 계산 (${TRUNCATION_NOTE})`, steps: upgradeSteps(quote, actionDate) };
    case 'SEAT_ADD':
      return { description: `인원 추가 일할 계산 (${TRUNCATION_NOTE})`, steps: seatAddSteps(quote, actionDate) };
    case 'RENEWAL':
      return { description: `${quote.period} 정기 결제 (${quote.closingPeriod} 사용량 초과분 포함, ${TRUNCATION_NOTE})`, steps: renewalSteps(quote) };
    default: {
      const unknownQuote: never = quote;
      throw new Error(`Unknown charge kind: ${(unknownQuote as { kind: string }).kind}`);
    }
  }
};

export const failedChargeCalculation = (quote: ChargeQuote, actionDate: string, declineCode: string, message: string): CalculationDetails => {
  const attempted = chargeCalculation(quote, actionDate);
  return {
    description: `결제 실패 (청구 0원): 시도한 ${attempted.description}`,
    steps: [...attempted.steps, `거절 사유: ${declineCode} (${message})`],
  };
};

export const refundCalculation = (data: RefundIssuedData): CalculationDetails => ({
  description: `부분 환불 (부가세 포함 금액 R: 부가세 = floor(R / 11), 공급가액 = R ${MINUS} 부가세)`,
  steps: [
    `환불 금액: ${krw(data.amount)} (원 결제 ${data.originalLogId})`,
    `부가세: floor(${krw(data.amount)} / 11) = ${krw(data.taxAmount)}`,
    `공급가액: ${krw(data.amount)} ${MINUS} ${krw(data.taxAmount)} = ${krw(data.supplyAmount)}`,
    `환불 가능 잔액: ${krw(data.remainderBefore)} ${MINUS} ${krw(data.amount)} = ${krw(data.remainderAfter)}`,
  ],
});

export const noChargeCalculation = (description: string, ...steps: string[]): CalculationDetails => ({ description, steps: [...steps, '청구 금액: 0'] });
