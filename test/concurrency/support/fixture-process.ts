import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '../../..');

export interface FixtureProcess {
  readonly child: ChildProcess;
  /** What the child printed so far, line by line. */
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  /** Set once the child failed (for pollUntil). */
  readonly abortReason: () => string | undefined;
}

/** A fixture of test/concurrency/fixtures in its own Node process (TypeScript through ts-runner.js). */
export function startFixture(fixture: string, ...args: string[]): FixtureProcess {
  const child = spawn(process.execPath, [join(ROOT, 'test/kafka/support/ts-runner.js'), `test/concurrency/fixtures/${fixture}`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const abortReason = () => (child.exitCode !== null && child.exitCode !== 0 ? `${fixture} failed: ${stderr}` : undefined);
  return { child, lines, exited, abortReason };
}
