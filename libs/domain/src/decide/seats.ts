import { exceedsMaxSeats, priceOf } from '../catalog/catalog';
import type { CommandOf } from '../commands/command';
import type { SeatAddCharge } from '../events/charges';
import { domainEvent } from '../events/event';
import { formatKrw } from '../money/integer';
import { prorateSeatAdd, prorationDays, withVat } from '../money/money';
import { nextPeriod } from '../time/kst';
import type { AccountState } from '../state/account-state';
import { accepted, chargeDecision, loggedBase, rejected, type DecideContext, type Decision, type Rejected } from './decision';
import { notSubscribedViolation } from './guards';
import { paymentFailed } from './payment-failed';
import { planFactsOf } from './plan-facts';

const seatLimitViolation = (state: AccountState, context: DecideContext, seats: number): Rejected | null =>
  exceedsMaxSeats(context.catalog, state.tier, seats)
    ? rejected('SEAT_LIMIT_EXCEEDED', `${state.tier}의 최대 인원(${context.catalog.tiers[state.tier].maxSeats}명)을 넘습니다.`, 'payload.seatCount')
    : null;

/** A scheduled reduction that an immediate seat change contradicts (design.md). */
const scheduledReductionOf = (state: AccountState) => (state.scheduledChange?.action === 'SEAT_REDUCE' ? state.scheduledChange : null);

export const decideSeatAdd = (command: CommandOf<'SEAT_ADD'>, state: AccountState, context: DecideContext): Decision => {
  const toSeats = command.payload.seatCount;
  const guard =
    notSubscribedViolation(state) ??
    (toSeats <= state.seatCount ? rejected('SEAT_COUNT_NOT_HIGHER', `인원 수(${toSeats})는 현재 인원 ${state.seatCount}명보다 많아야 합니다.`, 'payload.seatCount') : null) ??
    seatLimitViolation(state, context, toSeats);
  if (guard) return guard;
  if (state.paymentMethod === null) return rejected('PAYMENT_METHOD_REQUIRED', '등록된 결제 수단이 없습니다.');
  const proration = prorationDays(context.actionDate);
  const monthlyPrice = priceOf(context.catalog, state.tier);
  const charge: SeatAddCharge = {
    kind: 'SEAT_ADD',
    catalogVersion: context.catalog.catalogVersion,
    tier: state.tier,
    fromSeats: state.seatCount,
    toSeats,
    monthlyPrice,
    proration,
    ...withVat(prorateSeatAdd({ monthlyPrice, fromSeats: state.seatCount, toSeats, days: proration })),
  };
  const base = loggedBase(command, context);
  const { billingKey, brand, last4 } = state.paymentMethod;
  const card = { brand, last4 };
  return chargeDecision({
    command,
    amount: charge.totalCharge,
    billingKey,
    description: `${state.tier} 인원 추가 ${state.seatCount} → ${toSeats}명 ${formatKrw(charge.totalCharge)}원`,
    onSuccess: (transactionId) => [domainEvent('SeatsAdded.v1', Object.assign({}, base, { charge, transactionId, card, clearedScheduledChange: scheduledReductionOf(state) }))],
    onDecline: (declineCode, message) => [paymentFailed({ base, attempted: charge, card, declineCode, message })],
  });
};

export const decideSeatReduceScheduled = (command: CommandOf<'SEAT_REDUCE_SCHEDULED'>, state: AccountState, context: DecideContext): Decision => {
  const toSeats = command.payload.seatCount;
  const guard =
    notSubscribedViolation(state) ??
    (toSeats < 1 || toSeats >= state.seatCount
      ? rejected('SEAT_COUNT_NOT_LOWER', `인원 수(${toSeats})는 1명 이상, 현재 인원 ${state.seatCount}명 미만이어야 합니다.`, 'payload.seatCount')
      : null);
  if (guard) return guard;
  return accepted(
    domainEvent('SeatReductionScheduled.v1', Object.assign(loggedBase(command, context), planFactsOf(state), {
      change: { action: 'SEAT_REDUCE' as const, toTier: null, toSeatCount: toSeats, effectivePeriod: nextPeriod(state.currentPeriod as string) },
      replacedChange: state.scheduledChange,
    })),
  );
};

export const decideAdminSeatAdjust = (command: CommandOf<'ADMIN_SEAT_ADJUST'>, state: AccountState, context: DecideContext): Decision => {
  const toSeats = command.payload.seatCount;
  const guard = seatLimitViolation(state, context, toSeats);
  if (guard) return guard;
  return accepted(
    domainEvent('SeatsAdjustedByAdmin.v1', Object.assign(loggedBase(command, context), planFactsOf(state), {
      toSeats,
      reason: command.payload.reason ?? null,
      clearedScheduledChange: scheduledReductionOf(state),
    })),
  );
};
