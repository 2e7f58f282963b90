import { Controller, Get, Inject, Module } from '@nestjs/common';
import { CqrsModule, type IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type PlanView, initialState, planView } from '@ledger/domain';
import type { Clock } from '@ledger/ledger';
import { type PlanDocument, READ_MODELS, planStateOf } from '@ledger/projections';
import type { ReadStore } from '@ledger/read-store';
import { BILLING_CLOCK, LEDGER_RUNTIME, type LedgerRuntime, READ_STORE } from '@ledger/runtime';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';

export class GetMyPlan extends Query<PlanView> {
  constructor(readonly accountId: string) {
    super();
  }
}

/**
 * The plan read model turned back into a state and viewed at the billing clock's "now", so trial
 * visibility and this period's usage are judged at request time. An account never seen is FREE.
 */
@QueryHandler(GetMyPlan)
export class GetMyPlanHandler implements IQueryHandler<GetMyPlan> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(BILLING_CLOCK) private readonly clock: Clock,
    @Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime,
  ) {}

  async execute({ accountId }: GetMyPlan): Promise<PlanView> {
    const document = await this.readStore.collection<PlanDocument>(READ_MODELS.plans).get(accountId);
    const state = document === undefined ? initialState(accountId) : planStateOf(document);
    return planView(state, this.runtime.catalog(), this.clock.now().toISOString());
  }
}

@ApiTags('customer')
@Controller('crm-core/v1/plans/me')
export class PlansController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Auth('any', 'customer')
  @ApiOperation({ summary: 'Plan, usage, limits and lifecycle; trial* keys only while a trial is active' })
  me(@CurrentPrincipal() principal: Principal): Promise<PlanView> {
    return this.queries.execute(new GetMyPlan(principal.accountId));
  }
}

/** GET /crm-core/v1/plans/me */
@Module({ imports: [CqrsModule.forRoot()], controllers: [PlansController], providers: [GetMyPlanHandler] })
export class PlansModule {}
