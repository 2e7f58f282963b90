import { Controller, Get, Headers, Param, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import type { AccountVerification, AsOfResult, Provenance } from '@ledger/audit';
import type { PlanView } from '@ledger/domain';
import type { BillingLogDocument } from '@ledger/projections';
import { Auth } from '../auth/auth.decorators';
import { AccountEventsQuery, AccountIdParam, AsOfQuery, LogIdParam } from './audit-request.dto';
import { type AccountEventsPage, GetAccountEvents, GetBillingLogsAsOf, GetPlanAsOf, GetProvenance, StreamAccountEvents, VerifyAccount } from './audit.queries';

export const NDJSON = 'application/x-ndjson';
const DEFAULT_EVENTS_PER_PAGE = 100;

@ApiTags('audit')
@Controller('audit/v1')
@Auth('jwt', 'auditor')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('accounts/:accountId/events')
  @ApiOperation({ summary: 'Raw events with metadata (prevHash/hash); streamed as NDJSON with Accept: application/x-ndjson' })
  @ApiHeader({ name: 'accept', required: false, description: `${NDJSON} streams the history line by line` })
  async events(
    @Param() { accountId }: AccountIdParam,
    @Query() query: AccountEventsQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<AccountEventsPage | StreamableFile> {
    if (accept?.includes(NDJSON)) {
      const lines = await this.queries.execute(new StreamAccountEvents(accountId, query.fromRevision, query.limit));
      return new StreamableFile(Readable.from(lines), { type: NDJSON });
    }
    return this.queries.execute(new GetAccountEvents(accountId, query.fromRevision, query.limit ?? DEFAULT_EVENTS_PER_PAGE));
  }

  @Get('accounts/:accountId/plan')
  @ApiOperation({ summary: 'Plan state folded from the events that occurred by asOf (not from read models)' })
  plan(@Param() { accountId }: AccountIdParam, @Query() { asOf }: AsOfQuery): Promise<AsOfResult<PlanView>> {
    return this.queries.execute(new GetPlanAsOf(accountId, asOf));
  }

  @Get('accounts/:accountId/billing-logs')
  @ApiOperation({ summary: 'Every billing log (all actions and statuses) as it stood at asOf, newest first' })
  billingLogs(@Param() { accountId }: AccountIdParam, @Query() { asOf }: AsOfQuery): Promise<AsOfResult<BillingLogDocument[]>> {
    return this.queries.execute(new GetBillingLogsAsOf(accountId, asOf));
  }

  @Get('billing-logs/:logId/provenance')
  @ApiOperation({ summary: 'The events a log came from, with hash-chain links, its calculation and the catalog prices used' })
  provenance(@Param() { logId }: LogIdParam): Promise<Provenance> {
    return this.queries.execute(new GetProvenance(logId));
  }

  @Get('accounts/:accountId/verify')
  @ApiOperation({ summary: "Hash chain of the account and its read models against a fresh replay" })
  verify(@Param() { accountId }: AccountIdParam): Promise<AccountVerification> {
    return this.queries.execute(new VerifyAccount(accountId));
  }
}
