import type { Tier } from '../catalog/catalog';
import type { CommandType, IssuerType, LegacyLogImportPayload, TrialOnExpiry, UsageMetric } from '../commands/command';
import type { Period } from '../time/kst';
import type { ChargeQuote, RenewalQuote, ScheduledChange, SeatAddCharge, SnapshotContent, UpgradeCharge } from './charges';

export const EVENT_TYPES = [
  'SubscriptionUpgraded.v1',
  'SeatsAdded.v1',
  'SeatReductionScheduled.v1',
  'SeatsAdjustedByAdmin.v1',
  'DowngradeScheduled.v1',
  'CancellationScheduled.v1',
  'ScheduledChangeRevoked.v1',
  'SubscriptionRenewed.v1',
  'SubscriptionCanceled.v1',
  'SubscriptionExpired.v1',
  'PaymentFailed.v1',
  'RefundIssued.v1',
  'TrialStarted.v1',
  'TrialExpired.v1',
  'TrialCanceled.v1',
  'PaymentMethodUpdated.v1',
  'UsageRecorded.v1',
  'LegacyBillingLogImported.v1',
  'CommandRejected.v1',
  'PaymentStarted.v1',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface CardSnapshot {
  readonly brand: string;
  readonly last4: string;
}

export interface EventBase {
  readonly accountId: string;
  readonly commandId: string;
  /** The handler's actionDate. */
  readonly occurredAt: string;
}

export interface LoggedEvent extends EventBase {
  readonly billingLogId: string;
  readonly processedBy: IssuerType;
}

export interface Settled {
  readonly transactionId: string;
  readonly card: CardSnapshot;
}

export interface SubscriptionUpgradedData extends LoggedEvent, Settled {
  readonly charge: UpgradeCharge;
  readonly trigger: 'COMMAND' | 'TRIAL_CONVERSION';
  readonly endedTrialTier: Tier | null;
  readonly clearedScheduledChange: ScheduledChange | null;
}

export interface SeatsAddedData extends LoggedEvent, Settled {
  readonly charge: SeatAddCharge;
  readonly clearedScheduledChange: ScheduledChange | null;
}

/** The plan as it stood when a no-charge change was logged. */
export interface PlanFacts {
  readonly tier: Tier;
  readonly seatCount: number;
  readonly monthlyPrice: number;
}

export interface SeatReductionScheduledData extends LoggedEvent, PlanFacts {
  readonly change: ScheduledChange;
  readonly replacedChange: ScheduledChange | null;
}

export interface SeatsAdjustedByAdminData extends LoggedEvent, PlanFacts {
  readonly toSeats: number;
  readonly reason: string | null;
  readonly clearedScheduledChange: ScheduledChange | null;
}

export interface DowngradeScheduledData extends LoggedEvent, PlanFacts {
  readonly catalogVersion: string;
  readonly toMonthlyPrice: number;
  readonly change: ScheduledChange;
  readonly replacedChange: ScheduledChange | null;
}

export interface CancellationScheduledData extends LoggedEvent, PlanFacts {
  readonly change: ScheduledChange;
  readonly replacedChange: ScheduledChange | null;
}

export interface ScheduledChangeRevokedData extends LoggedEvent, PlanFacts {
  readonly revokedChange: ScheduledChange;
}

export interface SubscriptionRenewedData extends LoggedEvent, Settled {
  readonly quote: RenewalQuote;
  readonly snapshotId: string;
  /** 0 for the first attempt, n for dunning retry n. */
  readonly attempt: number;
}

export interface SubscriptionCanceledData extends LoggedEvent, PlanFacts {
  readonly period: Period;
  readonly closingPeriod: Period;
  readonly cancellation: ScheduledChange;
  readonly snapshotId: string;
  readonly snapshot: SnapshotContent;
}

export interface SubscriptionExpiredData extends LoggedEvent, PlanFacts {
  readonly period: Period;
  readonly reason: 'DUNNING_EXHAUSTED';
}

export interface RenewalAttempt {
  readonly period: Period;
  readonly attempt: number;
  /** null when no retry is left (the subscription expires). */
  readonly nextRetryAt: string | null;
}

export interface PaymentFailedData extends LoggedEvent {
  readonly attempted: ChargeQuote;
  readonly errorCode: 'PAYMENT_DECLINED' | 'PAYMENT_METHOD_REQUIRED';
  readonly declineCode: string;
  readonly declineMessage: string;
  readonly card: CardSnapshot | null;
  readonly renewal: RenewalAttempt | null;
}

export interface RefundIssuedData extends LoggedEvent {
  readonly originalLogId: string;
  readonly originalAction: string;
  readonly originalTransactionId: string;
  readonly billingPeriod: Period;
  readonly tier: Tier | null;
  readonly seatCount: number | null;
  readonly unitPrice: number | null;
  readonly amount: number;
  readonly supplyAmount: number;
  readonly taxAmount: number;
  readonly remainderBefore: number;
  readonly remainderAfter: number;
  readonly reason: string;
  readonly transactionId: string;
  readonly card: CardSnapshot | null;
}

export interface TrialStartedData extends LoggedEvent, PlanFacts {
  readonly catalogVersion: string;
  readonly trialTier: Tier;
  readonly trialMonthlyPrice: number;
  readonly trialDays: number;
  readonly onExpiry: TrialOnExpiry;
  readonly expiresAt: string;
}

export interface TrialEndedData extends LoggedEvent, PlanFacts {
  readonly trialTier: Tier;
  readonly trialMonthlyPrice: number;
  readonly onExpiry: TrialOnExpiry;
  readonly expiresAt: string;
}

export interface PaymentMethodUpdatedData extends EventBase {
  readonly billingKey: string;
  readonly brand: string;
  readonly last4: string;
}

export interface UsageRecordedData extends EventBase {
  readonly usageId: string;
  readonly metric: UsageMetric;
  readonly quantity: number;
  readonly period: Period;
}

export interface LegacyBillingLogImportedData extends LoggedEvent {
  readonly legacy: LegacyLogImportPayload;
}

export interface CommandRejectedData extends EventBase {
  readonly commandType: CommandType;
  readonly code: string;
  readonly message: string;
  readonly field: string | null;
}

/**
 * Written before money moves when the event store cannot hold an account across processes
 * (KurrentDB): until the command's outcome follows it, or `holdUntil` passes, every other writer to
 * the account waits (design.md "Payments across processes"). No billing log, no command outcome.
 */
export interface PaymentStartedData extends EventBase {
  readonly commandType: CommandType;
  readonly kind: 'charge' | 'refund';
  readonly amount: number;
  /** The holder's promise, on its wall clock: by then its outcome is appended or the hold lapses. */
  readonly holdUntil: string;
}

export interface EventDataByType {
  'SubscriptionUpgraded.v1': SubscriptionUpgradedData;
  'SeatsAdded.v1': SeatsAddedData;
  'SeatReductionScheduled.v1': SeatReductionScheduledData;
  'SeatsAdjustedByAdmin.v1': SeatsAdjustedByAdminData;
  'DowngradeScheduled.v1': DowngradeScheduledData;
  'CancellationScheduled.v1': CancellationScheduledData;
  'ScheduledChangeRevoked.v1': ScheduledChangeRevokedData;
  'SubscriptionRenewed.v1': SubscriptionRenewedData;
  'SubscriptionCanceled.v1': SubscriptionCanceledData;
  'SubscriptionExpired.v1': SubscriptionExpiredData;
  'PaymentFailed.v1': PaymentFailedData;
  'RefundIssued.v1': RefundIssuedData;
  'TrialStarted.v1': TrialStartedData;
  'TrialExpired.v1': TrialEndedData;
  'TrialCanceled.v1': TrialEndedData;
  'PaymentMethodUpdated.v1': PaymentMethodUpdatedData;
  'UsageRecorded.v1': UsageRecordedData;
  'LegacyBillingLogImported.v1': LegacyBillingLogImportedData;
  'CommandRejected.v1': CommandRejectedData;
  'PaymentStarted.v1': PaymentStartedData;
}

export type DomainEvent = { [T in EventType]: { readonly type: T; readonly data: EventDataByType[T] } }[EventType];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

export const domainEvent = <T extends EventType>(type: T, data: EventDataByType[T]): EventOf<T> => ({ type, data }) as EventOf<T>;

export const isEventType = (value: unknown): value is EventType => typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);

/** The billing log ids an event produces, in log order. */
export const billingLogIdsOfEvent = (event: DomainEvent): string[] => ('billingLogId' in event.data ? [event.data.billingLogId] : []);
