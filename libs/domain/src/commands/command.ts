import type { Tier } from '../catalog/catalog';
import type { Period } from '../time/kst';

export const COMMAND_TYPES = [
  'UPGRADE',
  'SEAT_ADD',
  'SEAT_REDUCE_SCHEDULED',
  'ADMIN_SEAT_ADJUST',
  'DOWNGRADE_SCHEDULED',
  'CANCEL_SCHEDULED',
  'REVOKE_SCHEDULED_CHANGE',
  'RENEWAL',
  'ADMIN_REFUND',
  'TRIAL_START',
  'TRIAL_EXPIRE',
  'TRIAL_CANCEL',
  'PAYMENT_METHOD_UPDATE',
  'USAGE_RECORD',
  'LEGACY_LOG_IMPORT',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

export const ISSUER_TYPES = ['USER', 'SYSTEM', 'ADMIN'] as const;
export type IssuerType = (typeof ISSUER_TYPES)[number];

export const TRIAL_ON_EXPIRY = ['REVERT', 'CONVERT'] as const;
export type TrialOnExpiry = (typeof TRIAL_ON_EXPIRY)[number];

export const USAGE_METRICS = ['messages', 'contacts'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export interface Issuer {
  readonly type: IssuerType;
  readonly id: string;
}

export interface UpgradePayload {
  readonly toTier: Tier;
  /** Defaults to the current seat count. */
  readonly seatCount?: number;
}
export interface SeatCountPayload {
  readonly seatCount: number;
}
export interface AdminSeatAdjustPayload extends SeatCountPayload {
  readonly reason?: string;
}
export interface DowngradeScheduledPayload {
  readonly toTier: Tier;
}
export type EmptyPayload = Record<string, never>;
export interface RenewalPayload {
  readonly period: Period;
}
export interface AdminRefundPayload {
  readonly originalLogId: string;
  /** VAT included. */
  readonly amount: number;
  readonly reason: string;
}
export interface TrialStartPayload {
  readonly trialTier: Tier;
  readonly trialDays: number;
  readonly onExpiry: TrialOnExpiry;
}
export interface PaymentMethodUpdatePayload {
  /** Opaque to the domain: the application layer seals and unseals it. */
  readonly billingKey: string;
  readonly brand: string;
  readonly last4: string;
}
export interface UsageRecordPayload {
  readonly usageId: string;
  readonly metric: UsageMetric;
  readonly quantity: number;
}
export interface LegacyLogImportPayload {
  readonly action: string;
  readonly actionDate: string;
  /** The total charged (pre-seat-billing meaning). */
  readonly chargeAmount: number;
  readonly refundAmount: number;
  readonly description: string;
  readonly transactionId: string | null;
  readonly fromTier?: Tier | null;
  readonly toTier?: Tier | null;
  readonly paymentMethodBrand?: string | null;
  readonly paymentMethodLast4?: string | null;
}

export interface CommandPayloads {
  UPGRADE: UpgradePayload;
  SEAT_ADD: SeatCountPayload;
  SEAT_REDUCE_SCHEDULED: SeatCountPayload;
  ADMIN_SEAT_ADJUST: AdminSeatAdjustPayload;
  DOWNGRADE_SCHEDULED: DowngradeScheduledPayload;
  CANCEL_SCHEDULED: EmptyPayload;
  REVOKE_SCHEDULED_CHANGE: EmptyPayload;
  RENEWAL: RenewalPayload;
  ADMIN_REFUND: AdminRefundPayload;
  TRIAL_START: TrialStartPayload;
  TRIAL_EXPIRE: EmptyPayload;
  TRIAL_CANCEL: EmptyPayload;
  PAYMENT_METHOD_UPDATE: PaymentMethodUpdatePayload;
  USAGE_RECORD: UsageRecordPayload;
  LEGACY_LOG_IMPORT: LegacyLogImportPayload;
}

export interface CommandEnvelope<T extends CommandType> {
  readonly commandId: string;
  readonly type: T;
  readonly accountId: string;
  readonly issuedAt: string;
  readonly issuedBy: Issuer;
  readonly payload: CommandPayloads[T];
  /** Decide and price only; the caller appends nothing and charges nothing. */
  readonly dryRun?: boolean;
}

export type Command = { [T in CommandType]: CommandEnvelope<T> }[CommandType];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const isCommandType = (value: unknown): value is CommandType =>
  typeof value === 'string' && (COMMAND_TYPES as readonly string[]).includes(value);
