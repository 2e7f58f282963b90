import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BillingLog } from '@ledger/domain';
import type { BillingLogPage } from './billing-log.dto';
import { CustomerBillingLogs, toBillingLogDetail } from './customer-billing-logs';

export class ListBillingLogs extends Query<BillingLogPage> {
  constructor(
    readonly accountId: string,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

export class GetBillingLog extends Query<BillingLog> {
  constructor(
    readonly accountId: string,
    readonly logId: string,
  ) {
    super();
  }
}

@QueryHandler(ListBillingLogs)
export class ListBillingLogsHandler implements IQueryHandler<ListBillingLogs> {
  constructor(private readonly logs: CustomerBillingLogs) {}

  execute({ accountId, limit, offset }: ListBillingLogs): Promise<BillingLogPage> {
    return this.logs.page(accountId, limit, offset);
  }
}

@QueryHandler(GetBillingLog)
export class GetBillingLogHandler implements IQueryHandler<GetBillingLog> {
  constructor(private readonly logs: CustomerBillingLogs) {}

  async execute({ accountId, logId }: GetBillingLog): Promise<BillingLog> {
    return toBillingLogDetail(await this.logs.visible(accountId, logId));
  }
}
