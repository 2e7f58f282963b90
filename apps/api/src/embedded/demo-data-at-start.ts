import { DEMO_ACCOUNT_ID, type DemoSeedSummary, seedDemoData } from '@ledger/demo';
import { accountStreamId } from '@ledger/ledger';
import type { LedgerRuntime } from '@ledger/runtime';

export interface DemoDataAtStart {
  /** Set when this start seeded the store. */
  readonly seeded?: DemoSeedSummary;
  /** The demo account has a history (seeded now or at an earlier start). */
  readonly demoAccountId?: string;
  /** One line for the start banner. */
  readonly description: string;
}

const describeSeeding = (summary: DemoSeedSummary): string =>
  `seeded just now: accounts ${summary.accounts.join(', ')}; ${summary.commands} commands, ${summary.billingLogs} billing logs (a year of history up to now)`;

/**
 * Seeds the demo history when demo data is on and the event store is empty (a fresh data dir);
 * never on top of existing data, so a restart finds what the first start wrote.
 */
export async function demoDataAtStart(runtime: LedgerRuntime, demoEnabled: boolean): Promise<DemoDataAtStart> {
  const empty = (await runtime.eventStore.headPosition()) === undefined;
  const seeded = demoEnabled && empty ? await seedDemoData(runtime, { now: runtime.clock.now() }) : undefined;
  const history = await runtime.eventStore.readStream(accountStreamId(DEMO_ACCOUNT_ID), { maxCount: 1 });
  const demoAccountId = history.length > 0 ? DEMO_ACCOUNT_ID : undefined;
  if (seeded !== undefined) return { seeded, demoAccountId, description: describeSeeding(seeded) };
  if (demoAccountId !== undefined) return { demoAccountId, description: 'found from an earlier start (not seeded again)' };
  return { description: demoEnabled ? 'not seeded: the event store already holds other data' : 'off (LEDGER_DEMO=0)' };
}
