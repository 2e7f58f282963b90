import type { RenewalQuote } from '../events/charges';
import type { DomainEvent } from '../events/event';
import { periodOf } from '../time/kst';
import { initialState, type AccountState } from './account-state';
import { recordCommand } from './command-records';
import { addCharge, endSubscription, onPaidPlan, proratedCharge, recordUsage, renew } from './transitions';

const applyEvent = (state: AccountState, event: DomainEvent): AccountState => {
  switch (event.type) {
    case 'SubscriptionUpgraded.v1': {
      const { charge } = event.data;
      const plan = { tier: charge.toTier, seatCount: charge.toSeats, unitPrice: charge.toMonthlyPrice };
      const upgraded = onPaidPlan(state, plan, state.currentPeriod ?? periodOf(event.data.occurredAt), {
        subscribedAt: charge.fromTier === 'FREE' ? event.data.occurredAt : state.subscribedAt,
        trial: null,
      });
      return addCharge(upgraded, proratedCharge(event.data, 'UPGRADE', { tier: plan.tier, seatCount: plan.seatCount, unitPrice: plan.unitPrice, totalCharge: charge.totalCharge }));
    }
    case 'SeatsAdded.v1': {
      const { charge } = event.data;
      const added: AccountState = {
        ...state,
        seatCount: charge.toSeats,
        scheduledChange: event.data.clearedScheduledChange === null ? state.scheduledChange : null,
      };
      return addCharge(added, proratedCharge(event.data, 'SEAT_ADD', { tier: charge.tier, seatCount: charge.toSeats, unitPrice: charge.monthlyPrice, totalCharge: charge.totalCharge }));
    }
    case 'SeatReductionScheduled.v1':
    case 'DowngradeScheduled.v1':
    case 'CancellationScheduled.v1':
      return { ...state, scheduledChange: event.data.change };
    case 'SeatsAdjustedByAdmin.v1':
      return {
        ...state,
        seatCount: event.data.toSeats,
        scheduledChange: event.data.clearedScheduledChange === null ? state.scheduledChange : null,
      };
    case 'ScheduledChangeRevoked.v1':
      return { ...state, scheduledChange: null };
    case 'SubscriptionRenewed.v1':
      return renew(state, event);
    case 'SubscriptionCanceled.v1':
    case 'SubscriptionExpired.v1':
      return endSubscription(state, event.data.period);
    case 'PaymentFailed.v1': {
      const { renewal, attempted } = event.data;
      if (renewal === null) return state;
      return { ...state, status: 'PAST_DUE', pendingRenewal: { period: renewal.period, attempt: renewal.attempt, nextRetryAt: renewal.nextRetryAt, quote: attempted as RenewalQuote } };
    }
    case 'RefundIssued.v1': {
      const { originalLogId, amount } = event.data;
      return { ...state, charges: state.charges.update(originalLogId, (charge) => (charge === undefined ? charge : { ...charge, refunded: charge.refunded + amount })) as AccountState['charges'] };
    }
    case 'TrialStarted.v1':
      return {
        ...state,
        trial: {
          tier: event.data.trialTier,
          trialMonthlyPrice: event.data.trialMonthlyPrice,
          days: event.data.trialDays,
          onExpiry: event.data.onExpiry,
          previousTier: event.data.tier,
          startedAt: event.data.occurredAt,
          expiresAt: event.data.expiresAt,
        },
      };
    case 'TrialExpired.v1':
    case 'TrialCanceled.v1':
      return { ...state, trial: null };
    case 'PaymentMethodUpdated.v1': {
      const { billingKey, brand, last4 } = event.data;
      return { ...state, paymentMethod: { billingKey, brand, last4 } };
    }
    case 'UsageRecorded.v1':
      return recordUsage(state, event);
    case 'LegacyBillingLogImported.v1': {
      const { legacy } = event.data;
      return addCharge(state, {
        billingLogId: event.data.billingLogId,
        action: legacy.action,
        billingPeriod: periodOf(legacy.actionDate),
        tier: legacy.toTier ?? null,
        seatCount: null,
        unitPrice: null,
        totalCharge: legacy.chargeAmount,
        refunded: legacy.refundAmount,
        transactionId: legacy.transactionId,
        card: legacy.paymentMethodBrand && legacy.paymentMethodLast4 ? { brand: legacy.paymentMethodBrand, last4: legacy.paymentMethodLast4 } : null,
        refundable: false,
        processedBy: event.data.processedBy,
      });
    }
    case 'CommandRejected.v1':
      return state;
    case 'PaymentStarted.v1': {
      const { commandId, kind, amount, holdUntil } = event.data;
      return { ...state, paymentInProgress: { commandId, kind, amount, holdUntil } };
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown event type: ${(unknownEvent as { type: string }).type}`);
    }
  }
};

const touchesPlan = (event: DomainEvent): boolean =>
  event.type !== 'UsageRecorded.v1' && event.type !== 'CommandRejected.v1' && event.type !== 'PaymentStarted.v1';

/** A payment in progress ends with the next event of its command, whatever it says. */
const paymentAfter = (next: AccountState, event: DomainEvent): AccountState['paymentInProgress'] =>
  event.type !== 'PaymentStarted.v1' && next.paymentInProgress?.commandId === event.data.commandId ? null : next.paymentInProgress;

/** Pure: returns a new state; the given state is never mutated. */
export const evolve = (state: AccountState, event: DomainEvent): AccountState => {
  const next = applyEvent(state, event);
  return {
    ...next,
    updatedAt: touchesPlan(event) ? event.data.occurredAt : next.updatedAt,
    commands: recordCommand(next.commands, event),
    paymentInProgress: paymentAfter(next, event),
  };
};

export const fold = (accountId: string, events: Iterable<DomainEvent>, from: AccountState = initialState(accountId)): AccountState => {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
};
