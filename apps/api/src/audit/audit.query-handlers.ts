import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type AccountVerification,
  type AsOfResult,
  type AuditDeps,
  type Provenance,
  accountEventPages,
  auditEventView,
  billingLogsAsOf,
  planAsOf,
  provenanceOf,
  verifyAccount,
} from '@ledger/audit';
import type { PlanView } from '@ledger/domain';
import type { Clock } from '@ledger/ledger';
import type { BillingLogDocument } from '@ledger/projections';
import { BILLING_CLOCK } from '@ledger/runtime';
import { AUDIT_DEPS } from './audit-deps.provider';
import {
  type AccountEventsPage,
  GetAccountEvents,
  GetBillingLogsAsOf,
  GetPlanAsOf,
  GetProvenance,
  StreamAccountEvents,
  VerifyAccount,
} from './audit.queries';

@QueryHandler(GetAccountEvents)
export class GetAccountEventsHandler implements IQueryHandler<GetAccountEvents> {
  constructor(@Inject(AUDIT_DEPS) private readonly deps: AuditDeps) {}

  async execute({ accountId, fromRevision, limit }: GetAccountEvents): Promise<AccountEventsPage> {
    // One more than asked tells whether the stream goes on.
    const events = [];
    for await (const page of accountEventPages(this.deps.eventStore, accountId, BigInt(fromRevision), limit + 1)) events.push(...page);
    const shown = events.slice(0, limit).map(auditEventView);
    const nextRevision = events.length > limit ? shown[shown.length - 1].revision + 1 : null;
    return { accountId, fromRevision, limit, events: shown, nextRevision };
  }
}

@QueryHandler(StreamAccountEvents)
export class StreamAccountEventsHandler implements IQueryHandler<StreamAccountEvents> {
  constructor(@Inject(AUDIT_DEPS) private readonly deps: AuditDeps) {}

  async execute({ accountId, fromRevision, limit }: StreamAccountEvents): Promise<AsyncIterable<string>> {
    const pages = accountEventPages(this.deps.eventStore, accountId, BigInt(fromRevision), limit ?? Infinity);
    return (async function* () {
      for await (const page of pages) for (const event of page) yield `${JSON.stringify(auditEventView(event))}\n`;
    })();
  }
}

/** asOf defaults to the billing clock's now (the test clock when LEDGER_TEST_CLOCK=1). */
abstract class AsOfHandler {
  constructor(
    @Inject(AUDIT_DEPS) protected readonly deps: AuditDeps,
    @Inject(BILLING_CLOCK) private readonly clock: Clock,
  ) {}

  protected instant(asOf: string | undefined): string {
    return new Date(asOf ?? this.clock.now()).toISOString();
  }
}

@QueryHandler(GetPlanAsOf)
export class GetPlanAsOfHandler extends AsOfHandler implements IQueryHandler<GetPlanAsOf> {
  execute({ accountId, asOf }: GetPlanAsOf): Promise<AsOfResult<PlanView>> {
    return planAsOf(this.deps, accountId, this.instant(asOf));
  }
}

@QueryHandler(GetBillingLogsAsOf)
export class GetBillingLogsAsOfHandler extends AsOfHandler implements IQueryHandler<GetBillingLogsAsOf> {
  execute({ accountId, asOf }: GetBillingLogsAsOf): Promise<AsOfResult<BillingLogDocument[]>> {
    return billingLogsAsOf(this.deps, accountId, this.instant(asOf));
  }
}

@QueryHandler(GetProvenance)
export class GetProvenanceHandler implements IQueryHandler<GetProvenance> {
  constructor(@Inject(AUDIT_DEPS) private readonly deps: AuditDeps) {}

  execute({ logId }: GetProvenance): Promise<Provenance> {
    return provenanceOf(this.deps, logId);
  }
}

@QueryHandler(VerifyAccount)
export class VerifyAccountHandler implements IQueryHandler<VerifyAccount> {
  constructor(@Inject(AUDIT_DEPS) private readonly deps: AuditDeps) {}

  execute({ accountId }: VerifyAccount): Promise<AccountVerification> {
    return verifyAccount(this.deps, accountId);
  }
}

export const AUDIT_QUERY_HANDLERS = [
  GetAccountEventsHandler,
  StreamAccountEventsHandler,
  GetPlanAsOfHandler,
  GetBillingLogsAsOfHandler,
  GetProvenanceHandler,
  VerifyAccountHandler,
];
