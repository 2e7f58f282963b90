import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { BillingLog, PlanView } from '@ledger/domain';
import type { Clock } from '@ledger/ledger';
import { type BillingLogDocument, READ_MODELS } from '@ledger/projections';
import type { ReadStore } from '@ledger/read-store';
import { BILLING_CLOCK, READ_STORE } from '@ledger/runtime';
import { customerVisibleLogFilter } from '../../billing-logs/customer-billing-logs';
import { GetMyPlan } from '../../plans/plans.module';
import { type MonthlyCharge, monthlyCharges } from './monthly-charges';

export interface PortalOverview {
  readonly plan: PlanView;
  readonly charges: readonly MonthlyCharge[];
}

export class PortalOverviewQuery extends Query<PortalOverview> {
  constructor(readonly accountId: string) {
    super();
  }
}

/**
 * The plan as GET /plans/me shows it, and the chart of the last 12 months' charges over exactly the
 * logs the customer list shows (its read-store filter), at the billing clock's "now".
 */
@QueryHandler(PortalOverviewQuery)
export class PortalOverviewHandler implements IQueryHandler<PortalOverviewQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(BILLING_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId }: PortalOverviewQuery): Promise<PortalOverview> {
    const now = this.clock.now().toISOString();
    const [plan, logs] = await Promise.all([
      this.queryBus.execute(new GetMyPlan(accountId)),
      this.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs).find(customerVisibleLogFilter(accountId, now)),
    ]);
    return { plan, charges: monthlyCharges(logs as BillingLog[], now) };
  }
}
