/** How the billing clock runs; every value has a default so the embedded mode needs no setup. */
export interface SchedulerConfig {
  /** Timer period of the real clock (LEDGER_SCHEDULER_INTERVAL_MS). */
  readonly intervalMs: number;
  /** Due plans read per round (LEDGER_SCHEDULER_BATCH). */
  readonly batchSize: number;
  /** Accounts served at once within a round (LEDGER_SCHEDULER_CONCURRENCY). */
  readonly concurrency: number;
  /** How long a round waits for the projector to show what it issued before giving up. */
  readonly visibilityTimeoutMs: number;
}

export const DEFAULT_SCHEDULER_CONFIG: SchedulerConfig = {
  intervalMs: 30_000,
  batchSize: 500,
  concurrency: 8,
  visibilityTimeoutMs: 30_000,
};

const positiveInt = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got "${raw}"`);
  return value;
};

export function schedulerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerConfig {
  return {
    intervalMs: positiveInt(env.LEDGER_SCHEDULER_INTERVAL_MS, DEFAULT_SCHEDULER_CONFIG.intervalMs, 'LEDGER_SCHEDULER_INTERVAL_MS'),
    batchSize: positiveInt(env.LEDGER_SCHEDULER_BATCH, DEFAULT_SCHEDULER_CONFIG.batchSize, 'LEDGER_SCHEDULER_BATCH'),
    concurrency: positiveInt(env.LEDGER_SCHEDULER_CONCURRENCY, DEFAULT_SCHEDULER_CONFIG.concurrency, 'LEDGER_SCHEDULER_CONCURRENCY'),
    visibilityTimeoutMs: DEFAULT_SCHEDULER_CONFIG.visibilityTimeoutMs,
  };
}
