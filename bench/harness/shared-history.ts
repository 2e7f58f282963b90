import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventsPerAccount, writeHistory, type HistoryShape } from './history-generator';
import { runPhase, runPhaseIfChild } from './phases';

/** B3 and B5 read the same histories: a year per account, a usage reading and a renewal a month. */
export const YEAR_OF_HISTORY = { months: 12, usagePerMonth: 1 } as const;

/** B5's population; B3 rebuilds from the first 2,000,000 of its events (quick: 20,000 of 52,000). */
export const B5_ACCOUNTS = 100_000;
export const B5_QUICK_ACCOUNTS = 2_000;

export interface StoredHistory {
  readonly file: string;
  readonly events: number;
  readonly accounts: number;
}

const dataDir = (): string => process.env.BENCH_DATA_DIR ?? join(tmpdir(), 'ledger-bench-data');

/**
 * The event file of `accounts` histories, generated once per data dir (in a child process) and
 * reused by later scenarios of the run. Treat it as read-only: copy it before appending.
 */
export async function sharedHistory(accounts: number): Promise<StoredHistory> {
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `history-${accounts}x${eventsPerAccount(YEAR_OF_HISTORY)}.sqlite`);
  const done = `${file}.done`;
  if (!existsSync(done)) {
    const partial = `${file}.partial-${process.pid}`;
    const written = await runPhase(__filename, 'generate', { file: partial, accounts });
    renameSync(partial, file);
    writeFileSync(done, String(written.events));
  }
  return { file, events: Number(readFileSync(done, 'utf8')), accounts };
}

runPhaseIfChild(__filename, {
  generate: async ({ file, accounts }) => {
    const shape: HistoryShape = { accounts: Number(accounts), ...YEAR_OF_HISTORY };
    return writeHistory(String(file), shape);
  },
});
