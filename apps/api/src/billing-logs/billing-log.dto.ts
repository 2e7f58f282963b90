import { ApiPropertyOptional } from '@nestjs/swagger';
import { BILLING_LOG_ID_PATTERN, type PublicBillingLog } from '@ledger/domain';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const MAX_OFFSET = 10_000;

export class BillingLogPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

export class BillingLogIdParam {
  @Matches(BILLING_LOG_ID_PATTERN, { message: 'logId must be CRMSBL + 15 digits + SBL + 8 digits' })
  logId!: string;
}

/** GET /crm-core/v1/plans/me/billing-logs: a page of the 18-field public items. */
export interface BillingLogPage {
  readonly billingLogs: PublicBillingLog[];
  readonly totalCount: number;
  readonly limit: number;
  readonly offset: number;
}
