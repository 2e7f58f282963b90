import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionFromString } from '@ledger/event-store';
import type { CommandOutcome, SettableClock } from '@ledger/ledger';
import { type BillingLogDocument, type BillingSnapshotDocument, type PlanDocument, READ_MODELS } from '@ledger/projections';
import type { Filter } from '@ledger/read-store';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { type BillingScheduler, DEFAULT_SCHEDULER_CONFIG, billingSchedulerOf } from '@ledger/scheduler';
import { envelope } from '../../../libs/ledger/src/testing/ledger-fixture';

/** An embedded runtime on a temp dir with the test clock, its projector running, and a scheduler. */
export interface SchedulerLedger {
  readonly dir: string;
  readonly runtime: LedgerRuntime;
  readonly clock: SettableClock;
  readonly scheduler: BillingScheduler;
  /** Runs a command at the test clock's present and waits until the read models show it. */
  send(accountId: string, type: string, payload?: Record<string, unknown>, extra?: Record<string, unknown>): Promise<CommandOutcome>;
  logs(filter: Filter): Promise<BillingLogDocument[]>;
  snapshot(id: string): Promise<BillingSnapshotDocument | undefined>;
  plan(accountId: string): Promise<PlanDocument | undefined>;
  close(): Promise<void>;
}

export async function openSchedulerLedger(start: string, options: { dataDir?: string } = {}): Promise<SchedulerLedger> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'scheduler-'));
  const runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: true });
  const clock = runtime.testClock!;
  clock.set(start);
  await runtime.projector.start();
  // The runtime's own instance, the one PUT /internal/v1/clock drives.
  const scheduler = billingSchedulerOf(runtime, { ...DEFAULT_SCHEDULER_CONFIG, visibilityTimeoutMs: 10_000 });
  const readStore = runtime.readStore;
  return {
    dir,
    runtime,
    clock,
    scheduler,
    async send(accountId, type, payload = {}, extra = {}) {
      const outcome = await runtime.commands.handle(envelope(clock, accountId, type, payload, extra));
      if (outcome.position !== undefined) await runtime.projector.whenVisible(positionFromString(outcome.position));
      return outcome;
    },
    logs: (filter) => readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs).find(filter, { sort: { actionDate: 1 } }),
    snapshot: (id) => readStore.collection<BillingSnapshotDocument>(READ_MODELS.billingSnapshots).get(id),
    plan: (accountId) => readStore.collection<PlanDocument>(READ_MODELS.plans).get(accountId),
    async close() {
      await scheduler.stop();
      await runtime.close();
      if (options.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SYSTEM = { issuedBy: { type: 'SYSTEM', id: 'test' } };
