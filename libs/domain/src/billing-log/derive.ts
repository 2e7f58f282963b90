import type { Tier } from '../catalog/catalog';
import type { DomainEvent, EventOf, PlanFacts, LoggedEvent } from '../events/event';
import { formatKrw } from '../money/integer';
import type { BillingLog, BillingLogAction } from './billing-log';
import { chargeCalculation, failedChargeCalculation, noChargeCalculation, refundCalculation } from './calculation';
import { buildLog, chargedAmounts, type LogDraft } from './log-draft';
import { quoteLogFields, scheduledChangeLabel } from './quote-log';

const ON_EXPIRY_LABEL = { REVERT: '만료 시 원래 티어로 복귀', CONVERT: '만료 시 유료 전환' } as const;

interface PlanChange {
  readonly event: LoggedEvent;
  readonly facts: PlanFacts;
  readonly action: BillingLogAction;
  readonly toTier?: Tier;
  readonly toMonthlyPrice?: number;
  readonly seatCount?: number;
  readonly description: string;
  readonly steps?: string[];
  readonly linkedSnapshotId?: string;
}

/** A logged change without money: prices and seats as they stood, every amount 0. */
const planChangeLog = (change: PlanChange): BillingLog => {
  const toMonthlyPrice = change.toMonthlyPrice ?? change.facts.monthlyPrice;
  const draft: LogDraft = {
    event: change.event,
    action: change.action,
    fromTier: change.facts.tier,
    toTier: change.toTier ?? change.facts.tier,
    fromMonthlyPrice: change.facts.monthlyPrice,
    toMonthlyPrice,
    seatCount: change.seatCount ?? change.facts.seatCount,
    unitPrice: toMonthlyPrice,
    calculationDetails: noChargeCalculation(change.description, ...(change.steps ?? [])),
    description: change.description,
    linkedSnapshotId: change.linkedSnapshotId ?? null,
  };
  return buildLog(draft);
};

const paymentFailedLog = (event: EventOf<'PaymentFailed.v1'>): BillingLog => {
  const { attempted, declineCode, declineMessage, renewal } = event.data;
  const fields = quoteLogFields(attempted);
  const retryNote = renewal === null ? '' : renewal.nextRetryAt === null ? ', 재시도 없음' : `, 다음 재시도 ${renewal.nextRetryAt}`;
  return buildLog(Object.assign({}, fields, {
    action: 'PAYMENT_FAILED' as const,
    event: event.data,
    status: 'FAILED' as const,
    card: event.data.card,
    calculationDetails: failedChargeCalculation(attempted, event.data.occurredAt, declineCode, declineMessage),
    description: `결제 실패: ${fields.description} ${formatKrw(attempted.totalCharge)}원 (${declineCode}${retryNote})`,
  }));
};

const legacyLog = (event: EventOf<'LegacyBillingLogImported.v1'>): BillingLog => {
  const { legacy } = event.data;
  return buildLog({
    event: event.data,
    action: legacy.action,
    actionDate: legacy.actionDate,
    fromTier: legacy.fromTier ?? null,
    toTier: legacy.toTier ?? null,
    fromMonthlyPrice: null,
    toMonthlyPrice: null,
    seatCount: null,
    unitPrice: null,
    amounts: { chargeAmount: legacy.chargeAmount, refundAmount: legacy.refundAmount, subtotal: null, taxAmount: null, totalCharge: null },
    transactionId: legacy.transactionId,
    card: legacy.paymentMethodBrand && legacy.paymentMethodLast4 ? { brand: legacy.paymentMethodBrand, last4: legacy.paymentMethodLast4 } : null,
    calculationDetails: { description: '인원 과금 이전 이력 (chargeAmount = 총 청구액, VAT 포함)', steps: [`총 청구액: ${formatKrw(legacy.chargeAmount)}`, `환불액: ${formatKrw(legacy.refundAmount)}`] },
    description: legacy.description,
  });
};

const refundLog = (event: EventOf<'RefundIssued.v1'>): BillingLog => {
  const data = event.data;
  return buildLog({
    event: data,
    action: 'ADMIN_REFUND',
    billingPeriod: data.billingPeriod,
    fromTier: data.tier,
    toTier: data.tier,
    fromMonthlyPrice: data.unitPrice,
    toMonthlyPrice: data.unitPrice,
    seatCount: data.seatCount,
    unitPrice: data.unitPrice,
    amounts: { chargeAmount: 0, refundAmount: data.amount, subtotal: 0, taxAmount: 0, totalCharge: 0 },
    transactionId: data.transactionId,
    card: data.card,
    calculationDetails: refundCalculation(data),
    description: `환불 ${formatKrw(data.amount)}원 (${data.reason})`,
  });
};

/** The billing logs an event produces, derived from the event data alone (replays give the same logs). */
export const billingLogsOf = (event: DomainEvent): BillingLog[] => {
  switch (event.type) {
    case 'SubscriptionUpgraded.v1':
    case 'SeatsAdded.v1': {
      const { charge, transactionId, card } = event.data;
      const fields = quoteLogFields(charge);
      const conversion = event.type === 'SubscriptionUpgraded.v1' && event.data.trigger === 'TRIAL_CONVERSION' ? '체험 전환: ' : '';
      return [
        buildLog(Object.assign(fields, { event: event.data, amounts: chargedAmounts(charge), transactionId, card, calculationDetails: chargeCalculation(charge, event.data.occurredAt), description: conversion + fields.description })),
      ];
    }
    case 'SubscriptionRenewed.v1': {
      const { quote, transactionId, card, snapshotId } = event.data;
      return [
        buildLog(Object.assign(quoteLogFields(quote), { event: event.data, amounts: chargedAmounts(quote), transactionId, card, linkedSnapshotId: snapshotId, calculationDetails: chargeCalculation(quote, event.data.occurredAt) })),
      ];
    }
    case 'SeatReductionScheduled.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'SEAT_REDUCE_SCHEDULED', seatCount: data.change.toSeatCount ?? data.seatCount, description: `${data.tier} 인원 감소 예약 ${data.seatCount}명 → ${data.change.toSeatCount}명 (${data.change.effectivePeriod}부터)` })];
    }
    case 'SeatsAdjustedByAdmin.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'ADMIN_SEAT_ADJUST', seatCount: data.toSeats, description: `관리자 인원 조정 ${data.seatCount}명 → ${data.toSeats}명${data.reason ? ` (${data.reason})` : ''}` })];
    }
    case 'DowngradeScheduled.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'DOWNGRADE_SCHEDULED', toTier: data.change.toTier ?? data.tier, toMonthlyPrice: data.toMonthlyPrice, description: `${data.tier} → ${data.change.toTier} 다운그레이드 예약 (${data.change.effectivePeriod}부터)` })];
    }
    case 'CancellationScheduled.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'CANCEL_SCHEDULED', toTier: 'FREE', toMonthlyPrice: 0, description: `${data.tier} 구독 해지 예약 (${data.change.effectivePeriod}부터 FREE)` })];
    }
    case 'ScheduledChangeRevoked.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'SCHEDULED_CHANGE_REVOKED', description: `예약 변경 취소: ${scheduledChangeLabel(data.revokedChange)} (${data.revokedChange.effectivePeriod})` })];
    }
    case 'SubscriptionCanceled.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'CANCELED', toTier: 'FREE', toMonthlyPrice: 0, seatCount: 1, linkedSnapshotId: data.snapshotId, description: `${data.tier} 구독 해지 (${data.period}부터 FREE, 청구 없음)` })];
    }
    case 'SubscriptionExpired.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'SUBSCRIPTION_EXPIRED', toTier: 'FREE', toMonthlyPrice: 0, seatCount: 1, description: `${data.period} 결제 실패로 ${data.tier} 구독 만료 (FREE 전환)` })];
    }
    case 'PaymentFailed.v1':
      return [paymentFailedLog(event)];
    case 'RefundIssued.v1':
      return [refundLog(event)];
    case 'TrialStarted.v1': {
      const { data } = event;
      return [planChangeLog({ event: data, facts: data, action: 'TRIAL_STARTED', toTier: data.trialTier, toMonthlyPrice: data.trialMonthlyPrice, description: `${data.trialTier} 체험 시작 (${data.trialDays}일, ${ON_EXPIRY_LABEL[data.onExpiry]})`, steps: [`체험 만료: ${data.expiresAt}`] })];
    }
    case 'TrialExpired.v1':
    case 'TrialCanceled.v1': {
      const { data } = event;
      const [action, verb] = event.type === 'TrialExpired.v1' ? (['TRIAL_EXPIRED', '종료'] as const) : (['TRIAL_CANCELED', '취소'] as const);
      return [Object.assign(planChangeLog({ event: data, facts: data, action, toTier: data.tier, description: `${data.trialTier} 체험 ${verb}` }), { fromTier: data.trialTier, fromMonthlyPrice: data.trialMonthlyPrice })];
    }
    case 'LegacyBillingLogImported.v1':
      return [legacyLog(event)];
    case 'PaymentMethodUpdated.v1':
    case 'UsageRecorded.v1':
    case 'CommandRejected.v1':
    case 'PaymentStarted.v1':
      return [];
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown event type: ${(unknownEvent as { type: string }).type}`);
    }
  }
};
