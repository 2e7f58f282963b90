import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pollUntil } from '../../infra/poll';

const ROOT = join(__dirname, '../../..');
const RUNNER = join(ROOT, 'test/kafka/support/ts-runner.js');
const KEPT_OUTPUT = 20_000;
/** Variables of the test run that would switch a child's adapters; the caller passes what it wants. */
const RUN_CONFIG = /^(LEDGER_|KAFKA_BROKERS$|MONGO_URL$|KURRENTDB_URL$|PORT$)/;

export interface DemoKey {
  readonly accountId: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/**
 * A real entry point (apps/api/src/main.ts or apps/worker/src/main.ts) in a child process through
 * ts-runner.js, so its memory is measured apart from the load generator. Keeps only the output's tail
 * (ten minutes of logs would otherwise grow the test process).
 */
export class EntryProcess {
  private output = '';
  private readonly exited: Promise<number | string>;
  private readonly listeners: ((chunk: string) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly entry: string,
  ) {
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-KEPT_OUTPUT);
      for (const listener of this.listeners) listener(text);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  }

  /** `nodeFlags` go on the command line (NODE_OPTIONS refuses V8 flags such as --expose-gc). */
  static start(entry: 'apps/api/src/main.ts' | 'apps/worker/src/main.ts', env: Record<string, string>, nodeFlags: readonly string[] = []): EntryProcess {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !RUN_CONFIG.test(name)));
    return new EntryProcess(spawn(process.execPath, [...nodeFlags, RUNNER, entry], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }), entry);
  }

  /** Every chunk of output from now on (stdout and stderr), as it arrives. */
  onOutput(listener: (chunk: string) => void): void {
    this.listeners.push(listener);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  abortReason = (): string | undefined => (this.child.exitCode !== null || this.child.signalCode !== null ? `${this.entry} exited:\n${this.output.slice(-3000)}` : undefined);

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
    if (!this.abortReason()) this.child.kill(signal);
    return this.exited;
  }
}

/** Waits for the api's start banner and readiness; returns the demo account's API key pair. */
export async function apiReady(api: EntryProcess, baseUrl: string): Promise<DemoKey> {
  const key = await pollUntil(
    async () => {
      const field = (label: string) => new RegExp(`${label}\\s+(\\S+)`).exec(api.log)?.[1];
      const [accountId, apiKey, apiSecret] = [field('Demo account'), field('API key'), field('API secret')];
      if (!accountId || !apiKey || !apiSecret) throw new Error('no demo API key in the banner yet');
      return { accountId, apiKey, apiSecret };
    },
    { what: 'the api start banner', timeoutMs: 120_000, abortReason: api.abortReason },
  );
  await apiHealthy(api, baseUrl);
  return key;
}

/** Waits until the api answers `GET /health/ready` with 200 (stores reachable, read models caught up). */
export function apiHealthy(api: EntryProcess, baseUrl: string, timeoutMs = 60_000): Promise<void> {
  return pollUntil(
    async () => {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.status !== 200) throw new Error(`GET /health/ready answered ${response.status}`);
    },
    { what: `api readiness at ${baseUrl}`, timeoutMs, abortReason: api.abortReason },
  );
}
