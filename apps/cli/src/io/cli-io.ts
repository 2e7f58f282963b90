import { Presets, SingleBar } from 'cli-progress';

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

/** Where a command writes: the report on stdout (JSON for scripts), progress and notes on stderr. */
export interface CliIo {
  readonly json: boolean;
  out(text: string): void;
  err(text: string): void;
  progress(label: string): ProgressReporter;
}

const silentProgress: ProgressReporter = { update: () => undefined, stop: () => undefined };

/** The process's terminal: progress bars only on an interactive stderr and never in --json mode. */
export function processIo(json: boolean): CliIo {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (label) => {
      if (json || !process.stderr.isTTY) return silentProgress;
      const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let started = false;
      return {
        update(done, total) {
          if (!started) bar.start(total, 0);
          started = true;
          bar.setTotal(Math.max(total, done));
          bar.update(done);
        },
        stop: () => started && bar.stop(),
      };
    },
  };
}

/** Writes the result as one JSON document, or as the readable text. */
export const report = (io: CliIo, result: unknown, readable: () => string): void => io.out(io.json ? JSON.stringify(result, null, 2) : readable());
