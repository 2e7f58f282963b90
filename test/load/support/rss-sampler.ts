import { existsSync, readFileSync } from 'node:fs';

export interface RssSample {
  readonly atSeconds: number;
  readonly rssMiB: number;
}

/** Resident set size of a process from /proc (Linux), in MiB. */
export function rssMiB(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round((Number(line[1]) / 1024) * 10) / 10;
}

/** Samples each named process every `everyMs` until stopped. */
export class RssSampler {
  readonly samples = new Map<string, RssSample[]>();
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = Date.now();

  constructor(
    private readonly pids: Readonly<Record<string, number>>,
    everyMs = 10_000,
  ) {
    for (const name of Object.keys(pids)) this.samples.set(name, []);
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  /** A process that has exited is simply no longer sampled: the test reports the exit itself. */
  private sample(): void {
    const atSeconds = Math.round((Date.now() - this.startedAt) / 1000);
    for (const [name, pid] of Object.entries(this.pids)) {
      if (existsSync(`/proc/${pid}/status`)) this.samples.get(name)!.push({ atSeconds, rssMiB: rssMiB(pid) });
    }
  }
}

export interface Flatness {
  readonly secondMinuteMiB: number;
  readonly lastMinuteMiB: number;
  /** (last − second) / second. */
  readonly drift: number;
}

/**
 * "Flat" = the last minute's mean RSS within 10 % of the second minute's (the first is warm-up).
 * A "minute" is a tenth of the run, so a shorter run (LEDGER_LOAD_SECONDS) is judged alike.
 */
export function flatness(samples: readonly RssSample[], runSeconds: number): Flatness {
  const minute = runSeconds / 10;
  const end = samples[samples.length - 1].atSeconds;
  const mean = (from: number, to: number) => {
    const window = samples.filter((sample) => sample.atSeconds >= from && sample.atSeconds < to).map((sample) => sample.rssMiB);
    if (window.length === 0) throw new Error(`no RSS sample in [${from}, ${to}) s`);
    return window.reduce((sum, value) => sum + value, 0) / window.length;
  };
  const secondMinuteMiB = mean(minute, 2 * minute);
  const lastMinuteMiB = mean(end - minute, end + 1);
  return { secondMinuteMiB: Math.round(secondMinuteMiB), lastMinuteMiB: Math.round(lastMinuteMiB), drift: Math.round(((lastMinuteMiB - secondMinuteMiB) / secondMinuteMiB) * 1000) / 1000 };
}
