export const RULE_VIOLATION_CODES = [
  'ACCOUNT_MISMATCH',
  'TIER_NOT_HIGHER',
  'TIER_NOT_LOWER',
  'INVALID_TARGET_TIER',
  'SEAT_LIMIT_EXCEEDED',
  'SEAT_COUNT_NOT_HIGHER',
  'SEAT_COUNT_NOT_LOWER',
  'SEAT_COUNT_BELOW_CURRENT',
  'PAYMENT_METHOD_REQUIRED',
  'PAYMENT_DECLINED',
  'REFUND_EXCEEDS_REMAINDER',
  'NOT_REFUNDABLE',
  'ORIGINAL_LOG_NOT_FOUND',
  'NOT_SUBSCRIBED',
  'NO_SCHEDULED_CHANGE',
  'TRIAL_ALREADY_ACTIVE',
  'NO_ACTIVE_TRIAL',
  'TRIAL_NOT_DUE',
  'FORBIDDEN_ISSUER',
  'INVALID_COMMAND_ID',
  'RENEWAL_PENDING',
  'PERIOD_ALREADY_RENEWED',
  'RENEWAL_NOT_DUE',
] as const;
export type RuleViolationCode = (typeof RULE_VIOLATION_CODES)[number];

/** Only these may succeed later without any change by the caller; they are not recorded. */
export const RETRYABLE_CODES: readonly RuleViolationCode[] = ['RENEWAL_PENDING'];

export interface RuleViolation {
  readonly code: RuleViolationCode;
  readonly message: string;
  readonly field?: string;
  readonly retryable: boolean;
}

export const violation = (code: RuleViolationCode, message: string, field?: string): RuleViolation => ({
  code,
  message,
  ...(field === undefined ? {} : { field }),
  retryable: RETRYABLE_CODES.includes(code),
});
