import { TIERS, type Tier } from '@ledger/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const PAID_TIERS = TIERS.filter((tier) => tier !== 'FREE');

/** `?notice=` after a form: a key from action-notices, never shown as given. */
export class NoticeQuery {
  @IsOptional() @IsString() @Matches(/^[A-Z_]{1,40}$/)
  notice?: string;
}

export class HistoryQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  page = 1;
}

export class UpgradeQuery extends NoticeQuery {
  @IsIn(PAID_TIERS)
  toTier!: Tier;

  @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  seatCount!: number;
}

export class SeatAddQuery extends NoticeQuery {
  @Type(() => Number) @IsInt() @Min(2) @Max(10_000)
  seatCount!: number;
}

/** Every portal form: the session's CSRF token and the commandId rendered into the form. */
export class PortalForm {
  @IsString() @MaxLength(100)
  _csrf!: string;

  @Matches(/^portal-[0-9a-f-]{36}$/, { message: 'commandId must be the one rendered into the form' })
  commandId!: string;
}

export class UpgradeForm extends PortalForm {
  @IsIn(PAID_TIERS)
  toTier!: Tier;

  @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  seatCount!: number;

  /** The total the customer saw; the command is not sent when the price has changed since. */
  @Type(() => Number) @IsInt() @Min(0)
  expectedTotal!: number;
}

export class DowngradeForm extends PortalForm {
  @IsIn(PAID_TIERS)
  toTier!: Tier;
}

export class SeatAddForm extends PortalForm {
  @Type(() => Number) @IsInt() @Min(2) @Max(10_000)
  seatCount!: number;

  @Type(() => Number) @IsInt() @Min(0)
  expectedTotal!: number;
}

export class SeatReduceForm extends PortalForm {
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  seatCount!: number;
}

export class PaymentMethodForm extends PortalForm {
  @IsString() @Matches(/^\S{1,500}$/)
  billingKey!: string;

  @IsString() @MaxLength(30) @Matches(/^[A-Z]+$/)
  brand!: string;

  @Matches(/^\d{4}$/)
  last4!: string;
}

export class SandboxCardDto {
  @IsString() @MaxLength(40)
  cardNumber!: string;
}
