/**
 * The enumerations of domain.md that the DTOs validate against. The domain owns these concepts;
 * the contracts re-export them so HTTP, Kafka and the decider can never disagree on a value.
 */
import { PAYLOAD_RULES } from '@ledger/domain';

export { COMMAND_TYPES, ISSUER_TYPES, TIERS, TRIAL_ON_EXPIRY, USAGE_METRICS } from '@ledger/domain';
export type { IssuerType, Tier, TrialOnExpiry, UsageMetric } from '@ledger/domain';
export type CommandType = import('@ledger/domain').Command['type'];

export const MAX_SEAT_COUNT = PAYLOAD_RULES.seatCount.max;
export const MAX_TRIAL_DAYS = PAYLOAD_RULES.trialDays.max;
