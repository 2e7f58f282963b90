import type { ChargeQuote, RenewalQuote, ScheduledChange } from '../events/charges';
import { formatKrw } from '../money/integer';
import type { LogDraft } from './log-draft';

export type QuoteLogFields = Pick<LogDraft, 'action' | 'fromTier' | 'toTier' | 'fromMonthlyPrice' | 'toMonthlyPrice' | 'seatCount' | 'unitPrice' | 'days' | 'billingPeriod' | 'description'>;

export const scheduledChangeLabel = (change: ScheduledChange): string => {
  switch (change.action) {
    case 'SEAT_REDUCE':
      return `인원 ${change.toSeatCount}명으로 감소`;
    case 'DOWNGRADE':
      return `${change.toTier}로 다운그레이드`;
    case 'CANCEL':
      return '구독 해지';
    default: {
      const unknownAction: never = change.action;
      throw new Error(`Unknown scheduled change: ${String(unknownAction)}`);
    }
  }
};

const renewalDescription = (quote: RenewalQuote): string => {
  const notes = [`${quote.toSeats}명`];
  const overageUnits = quote.snapshot.overageLines.reduce((sum, line) => sum + line.overageUnits, 0);
  if (overageUnits > 0) notes.push(`${quote.closingPeriod} 초과 메시지 ${formatKrw(overageUnits)}건`);
  if (quote.appliedChange !== null) notes.push(`예약 변경 적용: ${scheduledChangeLabel(quote.appliedChange)}`);
  if (quote.seatsClamped) notes.push(`인원을 ${quote.toTier} 최대 ${quote.toSeats}명으로 조정`);
  return `${quote.period} ${quote.toTier} 정기 결제 (${notes.join(', ')})`;
};

/** The log fields a priced charge determines, shared by its success log and its PAYMENT_FAILED log. */
export const quoteLogFields = (quote: ChargeQuote): QuoteLogFields => {
  switch (quote.kind) {
    case 'UPGRADE':
      return {
        action: 'UPGRADE',
        fromTier: quote.fromTier,
        toTier: quote.toTier,
        fromMonthlyPrice: quote.fromMonthlyPrice,
        toMonthlyPrice: quote.toMonthlyPrice,
        seatCount: quote.toSeats,
        unitPrice: quote.toMonthlyPrice,
        days: quote.proration,
        description: `${quote.fromTier} → ${quote.toTier} 업그레이드 (${quote.toSeats}명, ${quote.proration.daysRemaining}/${quote.proration.daysInMonth}일 일할)`,
      };
    case 'SEAT_ADD':
      return {
        action: 'SEAT_ADD',
        fromTier: quote.tier,
        toTier: quote.tier,
        fromMonthlyPrice: quote.monthlyPrice,
        toMonthlyPrice: quote.monthlyPrice,
        seatCount: quote.toSeats,
        unitPrice: quote.monthlyPrice,
        days: quote.proration,
        description: `${quote.tier} 인원 추가 ${quote.fromSeats}명 → ${quote.toSeats}명 (${quote.proration.daysRemaining}/${quote.proration.daysInMonth}일 일할)`,
      };
    case 'RENEWAL':
      return {
        action: 'RENEWAL',
        fromTier: quote.fromTier,
        toTier: quote.toTier,
        fromMonthlyPrice: quote.fromMonthlyPrice,
        toMonthlyPrice: quote.toMonthlyPrice,
        seatCount: quote.toSeats,
        unitPrice: quote.toMonthlyPrice,
        days: { daysInMonth: quote.daysInMonth, daysUsed: 0, daysRemaining: quote.daysInMonth },
        billingPeriod: quote.period,
        description: renewalDescription(quote),
      };
    default: {
      const unknownQuote: never = quote;
      throw new Error(`Unknown charge kind: ${(unknownQuote as { kind: string }).kind}`);
    }
  }
};
