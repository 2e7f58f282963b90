import { writeFileSync } from 'node:fs';
import { load1, machine } from './measure';

/** One measured figure: a value, its unit, and (when the target is a ratio) the baseline it is against. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly met?: boolean;
  readonly loadAverage: number;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly quick: boolean;
  readonly figures: Figure[];
  readonly notes: string[];
  readonly machine: Record<string, unknown>;
}

export interface ScenarioContext {
  readonly quick: boolean;
  readonly scale: <T>(full: T, quick: T) => T;
  figure(name: string, value: number, unit: string, target?: { readonly text: string; readonly met: boolean }): void;
  note(text: string): void;
}

/**
 * Runs a scenario in this (child) process and writes its result to BENCH_RESULT_FILE, so the
 * runner gets figures even when the scenario prints progress on stdout.
 */
export function runScenario(id: string, title: string, body: (context: ScenarioContext) => Promise<void>): void {
  const quick = process.env.BENCH_QUICK === '1';
  const figures: Figure[] = [];
  const notes: string[] = [];
  const context: ScenarioContext = {
    quick,
    scale: (full, small) => (quick ? small : full),
    figure: (name, value, unit, target) => {
      figures.push({ name, value, unit, target: target?.text, met: target?.met, loadAverage: load1() });
      process.stdout.write(`  ${id} ${name}: ${value} ${unit}${target ? ` (target ${target.text}: ${target.met ? 'met' : 'MISSED'})` : ''}\n`);
    },
    note: (text) => notes.push(text),
  };
  body(context)
    .then(() => {
      const result: ScenarioResult = { id, title, quick, figures, notes, machine: machine() };
      const file = process.env.BENCH_RESULT_FILE;
      if (file) writeFileSync(file, JSON.stringify(result, null, 2));
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
