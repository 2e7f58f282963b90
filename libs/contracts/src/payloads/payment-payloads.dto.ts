import { Matches } from 'class-validator';
import { IsBoundedString, IsIntInRange } from '../validation/field-rules';

export class AdminRefundPayloadDto {
  @Matches(/^CRMSBL\d{15}SBL\d{8}$/, { message: 'originalLogId must be a billing log id (CRMSBL…SBL + 8 digits)' })
  originalLogId!: string;

  /** VAT included, integer KRW. */
  @IsIntInRange(1)
  amount!: number;

  @IsBoundedString(1, 500)
  reason!: string;
}

export class PaymentMethodUpdatePayloadDto {
  /** Gateway token; sealed before it is stored. */
  @IsBoundedString(1, 500)
  billingKey!: string;

  // Free text (not an enum): a real gateway reports brands the sandbox does not know.
  @IsBoundedString(1, 30)
  brand!: string;

  @Matches(/^\d{4}$/, { message: 'last4 must be exactly 4 digits' })
  last4!: string;
}
