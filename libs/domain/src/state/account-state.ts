import { Map as ImmutableMap } from 'immutable';
import type { Tier } from '../catalog/catalog';
import type { IssuerType, TrialOnExpiry } from '../commands/command';
import type { RenewalQuote, ScheduledChange } from '../events/charges';
import type { CardSnapshot } from '../events/event';
import type { Period } from '../time/kst';
import { type CommandIndex, CompactCommandIndex } from './command-index';
import type { IdSet } from './grow-only-set';

export * from './command-index';
export * from './grow-only-set';
export * from './without-dedupe-indexes';

export type SubscriptionStatus = 'ACTIVE' | 'PAST_DUE' | 'CANCELED';
/** A charge log that money moved for, with what is left to refund. */
export interface ChargeRecord {
  readonly billingLogId: string;
  readonly action: string;
  readonly billingPeriod: Period;
  readonly tier: Tier | null;
  readonly seatCount: number | null;
  readonly unitPrice: number | null;
  readonly totalCharge: number;
  readonly refunded: number;
  readonly transactionId: string | null;
  readonly card: CardSnapshot | null;
  readonly refundable: boolean;
  readonly processedBy: IssuerType;
}

export interface StoredPaymentMethod extends CardSnapshot {
  readonly billingKey: string;
}

export interface TrialState {
  readonly tier: Tier;
  readonly trialMonthlyPrice: number;
  readonly days: number;
  readonly onExpiry: TrialOnExpiry;
  readonly previousTier: Tier;
  readonly startedAt: string;
  readonly expiresAt: string;
}

export interface PendingRenewal {
  readonly period: Period;
  /** Attempts made so far minus one: 0 after the first decline. */
  readonly attempt: number;
  readonly nextRetryAt: string | null;
  readonly quote: RenewalQuote;
}

/** A PaymentStarted whose command has no later event yet (see PaymentStartedData). */
export interface PaymentInProgress {
  readonly commandId: string;
  readonly kind: 'charge' | 'refund';
  readonly amount: number;
  readonly holdUntil: string;
}

export interface PeriodUsage {
  readonly messages: number;
  /** Exact dedupe of usage records within the period. */
  readonly usageIds: IdSet;
}

export interface AccountState {
  readonly accountId: string;
  readonly tier: Tier;
  readonly seatCount: number;
  /** Monthly price per seat the subscription is billed at (from the events, not the catalog). */
  readonly unitPrice: number;
  readonly status: SubscriptionStatus;
  /** The period a paid subscription has been billed for; null while on FREE. */
  readonly currentPeriod: Period | null;
  readonly subscribedAt: string | null;
  readonly updatedAt: string | null;
  readonly paymentMethod: StoredPaymentMethod | null;
  readonly scheduledChange: ScheduledChange | null;
  readonly trial: TrialState | null;
  readonly pendingRenewal: PendingRenewal | null;
  /** Message counters of periods not closed by a renewal yet. */
  readonly usage: ImmutableMap<Period, PeriodUsage>;
  /** Contacts are a gauge: the latest value reported. */
  readonly contacts: number;
  /** Every command ever applied, by commandId: a redelivery returns its original outcome. */
  readonly commands: CommandIndex;
  readonly charges: ImmutableMap<string, ChargeRecord>;
  /** Only where payments are held by events (PaymentStarted.v1); null everywhere else. */
  readonly paymentInProgress: PaymentInProgress | null;
}

export const initialState = (accountId: string): AccountState => ({
  accountId,
  tier: 'FREE',
  seatCount: 1,
  unitPrice: 0,
  status: 'ACTIVE',
  currentPeriod: null,
  subscribedAt: null,
  updatedAt: null,
  paymentMethod: null,
  scheduledChange: null,
  trial: null,
  pendingRenewal: null,
  usage: ImmutableMap(),
  contacts: 0,
  commands: CompactCommandIndex.empty(),
  charges: ImmutableMap(),
  paymentInProgress: null,
});

/** Ids the state keeps for idempotency (commands, usage records of open periods): its memory weight. */
export const indexedIdsOf = (state: AccountState): number =>
  state.usage.reduce((total, periodUsage) => total + periodUsage.usageIds.size, state.commands.size);

export const isPaid = (state: AccountState): boolean => state.currentPeriod !== null;

export const messagesUsedIn = (state: AccountState, period: Period): number => state.usage.get(period)?.messages ?? 0;

export const cardOf = (state: AccountState): CardSnapshot | null =>
  state.paymentMethod === null ? null : { brand: state.paymentMethod.brand, last4: state.paymentMethod.last4 };

/** A trial counts only until its expiry instant, even before TRIAL_EXPIRE is processed. */
export const activeTrialAt = (state: AccountState, instantMs: number): TrialState | null =>
  state.trial !== null && Date.parse(state.trial.expiresAt) > instantMs ? state.trial : null;
