import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading), as a float. */
export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * CPU milliseconds (user + system, all threads) since a `process.cpuUsage()` reading: on this shared
 * machine a phase's wall time stretches with the load, its CPU time much less.
 */
export const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return Math.round((user + system) / 1000);
};

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, ms: elapsedMs(start) };
}

export const perSecond = (count: number, ms: number): number => Math.round((count * 1000) / ms);

export const ratio = (value: number, baseline: number): number => Math.round((value / baseline) * 1000) / 1000;

export const rssMiB = (): number => Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;

/** The 1-minute load average: absolute figures drift with what else the shared machine runs. */
export const load1 = (): number => Math.round(loadavg()[0] * 100) / 100;

export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMiB: Math.round(freemem() / 2 ** 20),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
  };
}

/** p-th percentile (0..100) of unsorted samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 100) / 100;
}

/** Waits until `check` returns true, polling every few ms; fails after the deadline. */
export async function pollUntil(check: () => boolean | Promise<boolean>, deadlineMs: number, what: string, everyMs = 5): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** RSS and heap after a full collection (run with --expose-gc), so retained memory is compared. */
export function retainedMiB(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: Math.round(rss / 2 ** 20), heap: Math.round(heapUsed / 2 ** 20) };
}
