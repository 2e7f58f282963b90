import type { EventOf, LoggedEvent, Settled } from '../events/event';
import { comparePeriods, periodOf, type Period } from '../time/kst';
import type { AccountState, ChargeRecord } from './account-state';
import { GrowOnlySet } from './grow-only-set';

/** The transitions `evolve` shares between event types: ending, renewing, charging, counting usage. */

/** The same map when nothing is older (every usage event asks; Immutable's filter always copies). */
export const withoutUsageBefore = (state: AccountState, period: Period): AccountState['usage'] =>
  state.usage.some((_, key) => comparePeriods(key, period) < 0) ? state.usage.filter((_, key) => comparePeriods(key, period) >= 0) : state.usage;

/** The plan an upgrade or a renewal puts the account on. */
export interface PaidPlan {
  readonly tier: AccountState['tier'];
  readonly seatCount: number;
  readonly unitPrice: number;
}

/** What an upgrade and a renewal both set: the plan, active, in `currentPeriod`, nothing scheduled. */
export const onPaidPlan = (state: AccountState, plan: PaidPlan, currentPeriod: Period, rest: Partial<AccountState>): AccountState => ({
  ...state,
  tier: plan.tier,
  seatCount: plan.seatCount,
  unitPrice: plan.unitPrice,
  status: 'ACTIVE',
  currentPeriod,
  scheduledChange: null,
  ...rest,
});

export const endSubscription = (state: AccountState, period: Period): AccountState => ({
  ...state,
  tier: 'FREE',
  seatCount: 1,
  unitPrice: 0,
  status: 'CANCELED',
  currentPeriod: null,
  scheduledChange: null,
  pendingRenewal: null,
  trial: null,
  usage: withoutUsageBefore(state, period),
});

export const addCharge = (state: AccountState, charge: ChargeRecord): AccountState => ({
  ...state,
  charges: state.charges.set(charge.billingLogId, charge),
});

/** A mid-period charge (UPGRADE, SEAT_ADD), refundable against its gateway transaction. */
export const proratedCharge = (
  data: LoggedEvent & Settled,
  action: 'UPGRADE' | 'SEAT_ADD',
  priced: Pick<ChargeRecord, 'tier' | 'seatCount' | 'unitPrice' | 'totalCharge'>,
): ChargeRecord => ({
  tier: priced.tier,
  seatCount: priced.seatCount,
  unitPrice: priced.unitPrice,
  totalCharge: priced.totalCharge,
  billingLogId: data.billingLogId,
  action,
  billingPeriod: periodOf(data.occurredAt),
  refunded: 0,
  transactionId: data.transactionId,
  card: data.card,
  refundable: true,
  processedBy: data.processedBy,
});

export const renew = (state: AccountState, event: EventOf<'SubscriptionRenewed.v1'>): AccountState => {
  const { quote } = event.data;
  const plan = { tier: quote.toTier, seatCount: quote.toSeats, unitPrice: quote.toMonthlyPrice };
  const renewed = onPaidPlan(state, plan, quote.period, { pendingRenewal: null, usage: withoutUsageBefore(state, quote.period) });
  return addCharge(renewed, {
    billingLogId: event.data.billingLogId,
    action: 'RENEWAL',
    billingPeriod: quote.period,
    tier: quote.toTier,
    seatCount: quote.toSeats,
    unitPrice: quote.toMonthlyPrice,
    totalCharge: quote.totalCharge,
    refunded: 0,
    transactionId: event.data.transactionId,
    card: event.data.card,
    refundable: true,
    processedBy: event.data.processedBy,
  });
};

export const recordUsage = (state: AccountState, event: EventOf<'UsageRecorded.v1'>): AccountState => {
  const { period, usageId, metric, quantity } = event.data;
  const current = state.usage.get(period) ?? { messages: 0, usageIds: GrowOnlySet.empty() };
  const updated = {
    messages: metric === 'messages' ? current.messages + quantity : current.messages,
    usageIds: current.usageIds.add(usageId),
  };
  // A FREE account never renews, so its old counters are dropped as new periods begin.
  const oldestKept = state.currentPeriod !== null && comparePeriods(state.currentPeriod, period) < 0 ? state.currentPeriod : period;
  return {
    ...state,
    usage: withoutUsageBefore(state, oldestKept).set(period, updated),
    contacts: metric === 'contacts' ? quantity : state.contacts,
  };
};

