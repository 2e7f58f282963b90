import { Controller, Get, Param, Query, Module } from '@nestjs/common';
import { QueryBus, CqrsModule } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingLog } from '@ledger/domain';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { type BillingLogPage, BillingLogIdParam, BillingLogPageQuery } from './billing-log.dto';
import { GetBillingLog, ListBillingLogs, GetBillingLogHandler, ListBillingLogsHandler } from './billing-logs.queries';
import { CustomerBillingLogs } from './customer-billing-logs';

@ApiTags('customer')
@Controller('crm-core/v1/plans/me/billing-logs')
@Auth('any', 'customer')
export class BillingLogsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Billing history: last 12 months, completed charges and refunds, 18 public fields, newest first' })
  list(@CurrentPrincipal() principal: Principal, @Query() page: BillingLogPageQuery): Promise<BillingLogPage> {
    return this.queries.execute(new ListBillingLogs(principal.accountId, page.limit, page.offset));
  }

  @Get(':logId')
  @ApiOperation({ summary: 'One billing log with all 32 fields' })
  @ApiNotFoundResponse({ description: 'Unknown, another account’s, outside the 12-month window, zero-amount or non-payment log' })
  detail(@CurrentPrincipal() principal: Principal, @Param() params: BillingLogIdParam): Promise<BillingLog> {
    return this.queries.execute(new GetBillingLog(principal.accountId, params.logId));
  }
}

/** GET /crm-core/v1/plans/me/billing-logs and /:logId; exports the visibility rules to receipts. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [BillingLogsController],
  providers: [CustomerBillingLogs, ListBillingLogsHandler, GetBillingLogHandler],
  exports: [CustomerBillingLogs],
})
export class BillingLogsModule {}
