import { tierSpec, type Catalog, type Tier } from '../catalog/catalog';
import type { TrialOnExpiry } from '../commands/command';
import type { ScheduledChangeAction, UsageLimits } from '../events/charges';
import type { CardSnapshot } from '../events/event';
import { nextPeriod, periodEnd, periodOf, periodStart, toMillis, type Period } from '../time/kst';
import { activeTrialAt, isPaid, messagesUsedIn, type AccountState, type SubscriptionStatus } from '../state/account-state';

export interface ScheduledChangeView {
  readonly action: ScheduledChangeAction;
  readonly toTier?: Tier;
  readonly toSeatCount?: number;
  readonly effectiveAt: string;
}

export interface TrialView {
  readonly trialTier: Tier;
  readonly trialExpiresAt: string;
  readonly trialDays: number;
  readonly trialOnExpiry: TrialOnExpiry;
  readonly trialPreviousTier: Tier;
}

/** GET /crm-core/v1/plans/me; the trial* keys exist only while the trial is active. */
export interface PlanView extends Partial<TrialView> {
  readonly accountId: string;
  readonly tier: Tier;
  readonly status: SubscriptionStatus;
  readonly seatCount: number;
  readonly unitPrice: number;
  /** seats × unit price, VAT excluded. */
  readonly monthlyAmount: number;
  readonly billingPeriod: Period;
  readonly currentPeriodStart: string;
  readonly currentPeriodEnd: string;
  /** null on FREE: nothing is billed. */
  readonly nextBillingDate: string | null;
  readonly scheduledChange: ScheduledChangeView | null;
  readonly usage: { readonly messages: number; readonly contacts: number };
  readonly limits: UsageLimits;
  readonly paymentMethod: CardSnapshot | null;
  readonly subscribedAt: string | null;
  readonly updatedAt: string | null;
}

const scheduledChangeView = (state: AccountState): ScheduledChangeView | null => {
  const change = state.scheduledChange;
  if (change === null) return null;
  return {
    action: change.action,
    ...(change.toTier === null ? {} : { toTier: change.toTier }),
    ...(change.toSeatCount === null ? {} : { toSeatCount: change.toSeatCount }),
    effectiveAt: periodStart(change.effectivePeriod),
  };
};

export const planView = (state: AccountState, catalog: Catalog, now: string): PlanView => {
  const period = periodOf(now);
  const trial = activeTrialAt(state, toMillis(now));
  const limitsSpec = tierSpec(catalog, trial?.tier ?? state.tier);
  const trialView: TrialView | null =
    trial === null ? null : { trialTier: trial.tier, trialExpiresAt: trial.expiresAt, trialDays: trial.days, trialOnExpiry: trial.onExpiry, trialPreviousTier: trial.previousTier };
  return {
    accountId: state.accountId,
    tier: state.tier,
    status: state.status,
    seatCount: state.seatCount,
    unitPrice: state.unitPrice,
    monthlyAmount: state.unitPrice * state.seatCount,
    billingPeriod: period,
    currentPeriodStart: periodStart(period),
    currentPeriodEnd: periodEnd(period),
    nextBillingDate: isPaid(state) ? periodStart(nextPeriod(period)) : null,
    scheduledChange: scheduledChangeView(state),
    usage: { messages: messagesUsedIn(state, period), contacts: state.contacts },
    limits: { messages: limitsSpec.includedMessages, contacts: limitsSpec.contactsLimit, seats: limitsSpec.maxSeats },
    paymentMethod: state.paymentMethod === null ? null : { brand: state.paymentMethod.brand, last4: state.paymentMethod.last4 },
    subscribedAt: state.subscribedAt,
    updatedAt: state.updatedAt,
    ...(trialView ?? {}),
  };
};
