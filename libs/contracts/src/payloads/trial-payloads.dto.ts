import { MAX_TRIAL_DAYS, TIERS, TRIAL_ON_EXPIRY, type Tier, type TrialOnExpiry } from '../vocabulary';
import { IsIntInRange, IsOneOf } from '../validation/field-rules';

export class TrialStartPayloadDto {
  @IsOneOf(TIERS)
  trialTier!: Tier;

  @IsIntInRange(1, MAX_TRIAL_DAYS)
  trialDays!: number;

  @IsOneOf(TRIAL_ON_EXPIRY)
  onExpiry!: TrialOnExpiry;
}
