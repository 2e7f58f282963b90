import type { Catalog } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { ReadStore } from '@ledger/read-store';

/** What the audit functions need from a runtime (a LedgerRuntime satisfies it). */
export interface AuditDeps {
  readonly eventStore: EventStore;
  /** The read models as served (wrap the base store in a VersionedReadStore to follow the live pointer). */
  readonly readStore: ReadStore;
  readonly catalog: () => Catalog;
}
