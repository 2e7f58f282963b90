import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AccountIdParam {
  @IsString() @MaxLength(200)
  accountId!: string;
}

export class LogIdParam {
  @Matches(/^CRMSBL\d{15}SBL\d{8}$/, { message: 'logId must look like CRMSBL<15 digits>SBL<8 digits>' })
  logId!: string;
}

export const MAX_EVENTS_PER_PAGE = 1000;

export class AccountEventsQuery {
  @ApiPropertyOptional({ description: 'First stream revision (inclusive)', default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  fromRevision = 0;

  @ApiPropertyOptional({ description: `Events per page as JSON (1–${MAX_EVENTS_PER_PAGE}, default 100); NDJSON streams to the end unless set` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_EVENTS_PER_PAGE)
  limit?: number;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'ISO-8601 instant; events with occurredAt ≤ asOf are folded (default: now)' })
  @IsOptional() @IsISO8601({ strict: true })
  asOf?: string;
}
