import { USAGE_METRICS, type UsageMetric } from '../vocabulary';
import { IsBoundedString, IsIntInRange, IsOneOf } from '../validation/field-rules';

export class UsageRecordPayloadDto {
  @IsBoundedString(1, 200)
  usageId!: string;

  @IsOneOf(USAGE_METRICS)
  metric!: UsageMetric;

  @IsIntInRange(0)
  quantity!: number;
}
