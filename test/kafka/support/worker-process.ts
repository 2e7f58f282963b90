import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const RUNNER = join(__dirname, 'ts-runner.js');

/**
 * The worker's real entry point (apps/worker/src/main.ts) in a child process, run through the swc
 * require hook of ts-runner.js (no build step; the same transform as Jest). Output is kept for
 * failure messages.
 */
export class WorkerProcess {
  private output = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(env: Record<string, string>): WorkerProcess {
    const inherited = { ...process.env };
    // Embedded storage only: the data dir is what survives the crash (no Mongo, no KurrentDB).
    delete inherited.MONGO_URL;
    delete inherited.KURRENTDB_URL;
    const child = spawn(process.execPath, [RUNNER, 'apps/worker/src/main.ts'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return new WorkerProcess(child);
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  get log(): string {
    return this.output;
  }

  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.hasExited) this.child.kill(signal);
    return this.exited;
  }
}
