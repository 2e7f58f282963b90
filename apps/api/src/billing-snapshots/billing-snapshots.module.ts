import { Controller, Get, Param, Module } from '@nestjs/common';
import { type IQueryHandler, Query, QueryBus, QueryHandler, CqrsModule } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SNAPSHOT_ID_PATTERN } from '@ledger/domain';
import { Matches } from 'class-validator';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { type BillingSnapshotView, CustomerSnapshots, toSnapshotView } from './customer-snapshots';

export class SnapshotIdParam {
  @Matches(SNAPSHOT_ID_PATTERN, { message: 'snapshotId must be CRMSBS + 15 digits + SBS + 8 digits' })
  snapshotId!: string;
}

export class GetBillingSnapshot extends Query<BillingSnapshotView> {
  constructor(
    readonly accountId: string,
    readonly snapshotId: string,
  ) {
    super();
  }
}

@QueryHandler(GetBillingSnapshot)
export class GetBillingSnapshotHandler implements IQueryHandler<GetBillingSnapshot> {
  constructor(private readonly snapshots: CustomerSnapshots) {}

  async execute({ accountId, snapshotId }: GetBillingSnapshot): Promise<BillingSnapshotView> {
    return toSnapshotView(await this.snapshots.own(accountId, snapshotId));
  }
}

@ApiTags('customer')
@Controller('crm-core/v1/plans/me/billing-snapshots')
export class BillingSnapshotsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':snapshotId')
  @Auth('any', 'customer')
  @ApiOperation({ summary: 'The usage and overage snapshot of a closed period (linkedSnapshotId of a RENEWAL log)' })
  @ApiNotFoundResponse({ description: 'Unknown or another account’s snapshot' })
  detail(@CurrentPrincipal() principal: Principal, @Param() params: SnapshotIdParam): Promise<BillingSnapshotView> {
    return this.queries.execute(new GetBillingSnapshot(principal.accountId, params.snapshotId));
  }
}

/** GET /crm-core/v1/plans/me/billing-snapshots/:snapshotId; exports the lookup to receipts. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [BillingSnapshotsController],
  providers: [CustomerSnapshots, GetBillingSnapshotHandler],
  exports: [CustomerSnapshots],
})
export class BillingSnapshotsModule {}
