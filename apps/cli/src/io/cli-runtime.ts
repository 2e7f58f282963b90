import { type AuditDeps, VersionedReadStore } from '@ledger/audit';
import { type LedgerRuntime, openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import type { CliIo } from './cli-io';

export interface CliRuntime {
  readonly runtime: LedgerRuntime;
  /** The runtime's stores, read models resolved through the live blue-green pointer. */
  readonly deps: AuditDeps;
  close(): Promise<void>;
}

export const auditDepsOf = (runtime: LedgerRuntime): AuditDeps => ({
  eventStore: runtime.eventStore,
  readStore: new VersionedReadStore(runtime.readStore),
  catalog: runtime.catalog,
});

/**
 * Opens the runtime from the environment like the api does. The embedded read store lives in the
 * api's memory, so here it starts empty: the CLI projects the event store into its own copy first
 * (what the api does at start), and read-model commands then work on that copy.
 */
export async function openCliRuntime(io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<CliRuntime> {
  const runtime = await openLedgerRuntime(runtimeConfigFromEnv(env));
  if (!runtime.config.mongoUrl) {
    const head = await runtime.eventStore.headPosition();
    await runtime.projector.start();
    if (head) {
      const progress = io.progress('projecting');
      const total = Number(head.commit);
      const timer = setInterval(() => progress.update(Number(runtime.projector.checkpoint?.commit ?? 0n), total), 200);
      await runtime.projector.whenVisible(head).finally(() => clearInterval(timer));
      progress.update(total, total);
      progress.stop();
    }
  }
  return { runtime, deps: auditDepsOf(runtime), close: () => runtime.close() };
}
