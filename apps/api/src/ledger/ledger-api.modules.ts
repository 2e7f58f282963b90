import type { DynamicModule, Type } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { BillingLogsModule } from '../billing-logs/billing-logs.module';
import { BillingSnapshotsModule } from '../billing-snapshots/billing-snapshots.module';
import { CommandsModule } from '../commands/commands.module';
import { PlansModule } from '../plans/plans.module';
import { LedgerReadinessModule } from '../readiness/readiness.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { ClockModule } from '../clock/clock.module';
import { AuditModule } from '../audit/audit.module';
import { PortalModule } from '../portal/portal.module';

/**
 * The ledger's feature modules, in one list so that adding a feature is one line here.
 * (Customer reads, internal commands, receipts, portal, audit ...)
 */
export const LEDGER_API_MODULES: ReadonlyArray<Type | DynamicModule> = [
  PlansModule, BillingLogsModule, BillingSnapshotsModule, ReceiptsModule, CommandsModule, ApiKeysModule, LedgerReadinessModule,
  ClockModule,
  AuditModule,
  PortalModule,
];
