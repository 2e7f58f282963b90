import { IsOptional, Matches } from 'class-validator';
import { TIERS, type Tier } from '../vocabulary';
import { IsBoundedString, IsIntInRange, IsIsoInstant, IsOneOf } from '../validation/field-rules';

/** A pre-seat-billing log, recorded as history (chargeAmount is the VAT-inclusive total). */
export class LegacyLogImportPayloadDto {
  // Legacy action names are not a closed set; they must still look like an action code.
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/, { message: 'action must be an upper-case action code (A-Z, 0-9, _; up to 50)' })
  action!: string;

  @IsIsoInstant()
  actionDate!: string;

  @IsIntInRange(0)
  chargeAmount!: number;

  @IsIntInRange(0)
  refundAmount!: number;

  @IsBoundedString(0, 1000)
  description!: string;

  @IsBoundedString(1, 200)
  transactionId!: string;

  @IsOptional()
  @IsOneOf(TIERS)
  fromTier?: Tier;

  @IsOptional()
  @IsOneOf(TIERS)
  toTier?: Tier;
}
