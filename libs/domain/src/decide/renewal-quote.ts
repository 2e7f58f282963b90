import { priceOf, tierSpec, type Catalog } from '../catalog/catalog';
import type { OverageLine, RenewalQuote, SnapshotContent } from '../events/charges';
import { withVat } from '../money/money';
import { daysInMonth, periodStart, toMillis, type Period } from '../time/kst';
import { activeTrialAt, messagesUsedIn, type AccountState } from '../state/account-state';

type ClosingPeriod = Pick<SnapshotContent, 'billingPeriod' | 'tier' | 'seatCount' | 'usage' | 'limits' | 'overageLines'>;

/**
 * Usage of the closing period against the limits in force at its end: the trial tier's when a
 * trial was still running then (its limits applied to the customer), otherwise the subscription's.
 */
export const captureClosingPeriod = (state: AccountState, catalog: Catalog, renewedPeriod: Period): ClosingPeriod => {
  const closingPeriod = state.currentPeriod as Period;
  const closingEndMs = toMillis(periodStart(renewedPeriod)) - 1;
  const limitsTier = activeTrialAt(state, closingEndMs)?.tier ?? state.tier;
  const spec = tierSpec(catalog, limitsTier);
  const messages = messagesUsedIn(state, closingPeriod);
  const overageUnits = Math.max(0, messages - spec.includedMessages);
  const overageLines: OverageLine[] =
    spec.overagePricePerMessage !== null && overageUnits > 0
      ? [{ metric: 'messages', included: spec.includedMessages, used: messages, overageUnits, unitPrice: spec.overagePricePerMessage, amount: overageUnits * spec.overagePricePerMessage }]
      : [];
  return {
    billingPeriod: closingPeriod,
    tier: state.tier,
    seatCount: state.seatCount,
    usage: { messages, contacts: state.contacts },
    limits: { messages: spec.includedMessages, contacts: spec.contactsLimit, seats: spec.maxSeats },
    overageLines,
  };
};

/** Applies a scheduled downgrade or seat reduction, then prices the new period with the closing overage. */
export const quoteRenewal = (state: AccountState, catalog: Catalog, period: Period): RenewalQuote => {
  const change = state.scheduledChange;
  const toTier = change?.action === 'DOWNGRADE' && change.toTier !== null ? change.toTier : state.tier;
  const requestedSeats = change?.action === 'SEAT_REDUCE' && change.toSeatCount !== null ? change.toSeatCount : state.seatCount;
  const maxSeats = tierSpec(catalog, toTier).maxSeats;
  const toSeats = maxSeats === null ? requestedSeats : Math.min(requestedSeats, maxSeats);
  const toMonthlyPrice = priceOf(catalog, toTier);
  const closing = captureClosingPeriod(state, catalog, period);
  const baseFee = toMonthlyPrice * toSeats;
  const overageAmount = closing.overageLines.reduce((sum, line) => sum + line.amount, 0);
  const amounts = withVat(baseFee + overageAmount);
  return {
    kind: 'RENEWAL',
    catalogVersion: catalog.catalogVersion,
    period,
    closingPeriod: closing.billingPeriod,
    fromTier: state.tier,
    toTier,
    fromSeats: state.seatCount,
    toSeats,
    fromMonthlyPrice: state.unitPrice,
    toMonthlyPrice,
    appliedChange: change,
    seatsClamped: toSeats < requestedSeats,
    daysInMonth: daysInMonth(period),
    baseFee,
    overageAmount,
    ...amounts,
    snapshot: Object.assign({}, closing, { baseFee }, amounts),
  };
};
