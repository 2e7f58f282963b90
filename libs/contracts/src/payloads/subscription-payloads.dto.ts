import { IsOptional, Matches } from 'class-validator';
import { MAX_SEAT_COUNT, TIERS, type Tier } from '../vocabulary';
import { IsIntInRange, IsOneOf } from '../validation/field-rules';

export class UpgradePayloadDto {
  @IsOneOf(TIERS)
  toTier!: Tier;

  @IsOptional()
  @IsIntInRange(1, MAX_SEAT_COUNT)
  seatCount?: number;
}

/** SEAT_ADD, SEAT_REDUCE_SCHEDULED and ADMIN_SEAT_ADJUST: the target seat count. */
export class SeatCountPayloadDto {
  @IsIntInRange(1, MAX_SEAT_COUNT)
  seatCount!: number;
}

export class DowngradeScheduledPayloadDto {
  @IsOneOf(TIERS)
  toTier!: Tier;
}

export class RenewalPayloadDto {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month as YYYY-MM' })
  period!: string;
}

/** Commands that carry no payload fields (CANCEL_SCHEDULED, REVOKE_SCHEDULED_CHANGE, TRIAL_EXPIRE, TRIAL_CANCEL). */
export class EmptyPayloadDto {}
