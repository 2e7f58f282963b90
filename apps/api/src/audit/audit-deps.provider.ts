import type { Provider } from '@nestjs/common';
import { type AuditDeps, VersionedReadStore } from '@ledger/audit';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/runtime';

export const AUDIT_DEPS = Symbol('AUDIT_DEPS');

/** Auditors read the read models through the blue-green pointer, so a switched rebuild is what they see. */
export const auditDepsProvider: Provider = {
  provide: AUDIT_DEPS,
  useFactory: (runtime: LedgerRuntime): AuditDeps => ({
    eventStore: runtime.eventStore,
    readStore: new VersionedReadStore(runtime.readStore),
    catalog: runtime.catalog,
  }),
  inject: [LEDGER_RUNTIME],
};
