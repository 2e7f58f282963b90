import { join } from 'node:path';
import { pollUntil } from '../../infra/poll';
import type { EntryProcess } from './entry-process';

/** Node flags for a child that HeapProbe can measure. */
export const HEAP_PROBE_FLAGS = ['--expose-gc', '--require', join(__dirname, 'heap-probe-preload.js')] as const;

const PROBE_LINE = /\[heap-probe\] (\{.*\})/;

/**
 * Retained memory of a child started with HEAP_PROBE_FLAGS: V8 heap plus external memory (Buffers)
 * right after a full collection. RSS is not that: with 24 GB free, V8 lets the old generation grow to
 * several times its live size between full collections, and malloc keeps freed Buffers.
 */
export class HeapProbe {
  private readings: number[] = [];
  private partial = '';

  constructor(private readonly process: EntryProcess) {
    process.onOutput((chunk) => {
      const lines = (this.partial + chunk).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) {
        const match = PROBE_LINE.exec(line);
        if (!match) continue;
        const { heapUsed, external } = JSON.parse(match[1]) as { heapUsed: number; external: number };
        this.readings.push(Math.round(((heapUsed + external) / 2 ** 20) * 10) / 10);
      }
    });
  }

  /** MiB retained after a full collection, now. */
  async retainedMiB(): Promise<number> {
    const before = this.readings.length;
    process.kill(this.process.pid, 'SIGWINCH');
    return pollUntil(
      async () => {
        if (this.readings.length === before) throw new Error('no heap-probe answer yet');
        return this.readings[before];
      },
      { what: 'a heap-probe answer', timeoutMs: 60_000, intervalMs: 100, abortReason: this.process.abortReason },
    );
  }
}

export interface Retention {
  /** Retained after the run's first tenth (warm-up). */
  readonly baselineMiB: number;
  /** Retained once the load stopped and every command was answered. */
  readonly finalMiB: number;
  readonly grownMiB: number;
  /** 10 % of the baseline, plus what the process keeps by design per unit of work since (see the test). */
  readonly allowedMiB: number;
}

export function retention(baselineMiB: number, finalMiB: number, unitsSince: number, bytesPerUnit: number): Retention {
  const round = (mib: number) => Math.round(mib * 10) / 10;
  return { baselineMiB, finalMiB, grownMiB: round(finalMiB - baselineMiB), allowedMiB: round(0.1 * baselineMiB + (unitsSince * bytesPerUnit) / 2 ** 20) };
}
