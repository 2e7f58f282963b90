/**
 * Shape rules of envelopes and payloads, shared with the class-validator DTOs of `contracts`
 * so that the HTTP and Kafka intake and the domain agree on one set of numbers.
 */
export const PAYLOAD_RULES = {
  commandId: { minLength: 1, maxLength: 200 },
  accountId: { minLength: 1, maxLength: 100 },
  issuerId: { minLength: 1, maxLength: 100 },
  seatCount: { min: 1, max: 10_000 },
  trialDays: { min: 1, max: 30 },
  refundAmount: { min: 1, max: 1_000_000_000 },
  reason: { minLength: 1, maxLength: 500 },
  billingKey: { minLength: 1, maxLength: 1_024 },
  brand: { minLength: 1, maxLength: 30 },
  last4: { pattern: /^\d{4}$/ },
  usageId: { minLength: 1, maxLength: 200 },
  usageQuantity: { min: 0, max: 1_000_000_000 },
  legacyAmount: { min: 0, max: 1_000_000_000 },
  legacyDescription: { maxLength: 500 },
  period: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/ },
  billingLogId: { pattern: /^CRMSBL\d{15}SBL\d{8}$/ },
} as const;

/** Dunning retries of a declined renewal, in days after the start of the period. */
export const RENEWAL_RETRY_OFFSET_DAYS = [1, 3, 5] as const;
export const MAX_RENEWAL_RETRIES = RENEWAL_RETRY_OFFSET_DAYS.length;

export const renewalCommandId = (accountId: string, period: string, retry?: number): string =>
  retry === undefined || retry === 0 ? `renewal:${accountId}:${period}` : `renewal:${accountId}:${period}:retry:${retry}`;

export interface ParsedRenewalCommandId {
  readonly accountId: string;
  readonly period: string;
  /** 0 for the first attempt. */
  readonly retry: number;
}

const RENEWAL_COMMAND_ID = /^renewal:(.+):(\d{4}-(?:0[1-9]|1[0-2]))(?::retry:([1-9]\d*))?$/;

export const parseRenewalCommandId = (commandId: string): ParsedRenewalCommandId | null => {
  const match = RENEWAL_COMMAND_ID.exec(commandId);
  if (!match) return null;
  return { accountId: match[1], period: match[2], retry: match[3] === undefined ? 0 : Number(match[3]) };
};
