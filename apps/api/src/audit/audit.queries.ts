import { Query } from '@nestjs/cqrs';
import type { AccountVerification, AsOfResult, AuditEventView, Provenance } from '@ledger/audit';
import type { PlanView } from '@ledger/domain';
import type { BillingLogDocument } from '@ledger/projections';

export interface AccountEventsPage {
  readonly accountId: string;
  readonly fromRevision: number;
  readonly limit: number;
  readonly events: readonly AuditEventView[];
  /** Revision to ask for next; null at the end of the stream. */
  readonly nextRevision: number | null;
}

export class GetAccountEvents extends Query<AccountEventsPage> {
  constructor(readonly accountId: string, readonly fromRevision: number, readonly limit: number) {
    super();
  }
}

/** The stream as NDJSON lines, read page by page while the response is written. */
export class StreamAccountEvents extends Query<AsyncIterable<string>> {
  constructor(readonly accountId: string, readonly fromRevision: number, readonly limit: number | undefined) {
    super();
  }
}

export class GetPlanAsOf extends Query<AsOfResult<PlanView>> {
  constructor(readonly accountId: string, readonly asOf: string | undefined) {
    super();
  }
}

export class GetBillingLogsAsOf extends Query<AsOfResult<BillingLogDocument[]>> {
  constructor(readonly accountId: string, readonly asOf: string | undefined) {
    super();
  }
}

export class GetProvenance extends Query<Provenance> {
  constructor(readonly logId: string) {
    super();
  }
}

export class VerifyAccount extends Query<AccountVerification> {
  constructor(readonly accountId: string) {
    super();
  }
}
