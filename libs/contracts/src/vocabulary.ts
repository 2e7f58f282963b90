/**
 * The enumerations of domain.md that the DTOs validate against, in one place.
 * libs/domain owns these concepts; when it lands, these lists become re-exports from it.
 */

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

export const TIERS = ['FREE', 'STARTER', 'PRO', 'ENTERPRISE'] as const;
export type Tier = (typeof TIERS)[number];

export const ISSUER_TYPES = ['USER', 'SYSTEM', 'ADMIN'] as const;
export type IssuerType = (typeof ISSUER_TYPES)[number];

export const TRIAL_ON_EXPIRY = ['REVERT', 'CONVERT'] as const;
export type TrialOnExpiry = (typeof TRIAL_ON_EXPIRY)[number];

export const USAGE_METRICS = ['messages', 'contacts'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export const MAX_SEAT_COUNT = 10_000;
export const MAX_TRIAL_DAYS = 30;
