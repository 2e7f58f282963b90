import { type ChildProcess, spawn } from 'node:child_process';
import { pollUntil } from '../../infra/poll';
import { MAIN_JS, REPO_ROOT } from './fresh-build';

/** Variables of the test run that would switch the child away from embedded mode. */
const INHERITED_CONFIG = /^(LEDGER_|KAFKA_BROKERS$|MONGO_URL$|KURRENTDB_URL$|PORT$)/;

export interface LedgerProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
}

export function spawnLedger(env: Record<string, string>): LedgerProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_CONFIG.test(name)));
  const child = spawn(process.execPath, [MAIN_JS], { cwd: REPO_ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the banner's URL, then for /health/ready at that URL; returns the URL. */
export async function untilReady(ledger: LedgerProcess, timeoutMs = 60_000): Promise<string> {
  const abortReason = () => (ledger.child.exitCode !== null ? `the process exited (${ledger.child.exitCode}): ${ledger.stderr().slice(-2000)}` : undefined);
  const url = await pollUntil(
    async () => {
      const match = /Billing ledger is listening on (\S+)/.exec(ledger.stdout());
      if (match === null) throw new Error('no start banner yet');
      return match[1];
    },
    { what: 'the start banner', timeoutMs, abortReason },
  );
  await pollUntil(
    async () => {
      const response = await fetch(`${url}/health/ready`);
      if (response.status !== 200) throw new Error(`GET /health/ready answered ${response.status}`);
    },
    { what: `${url}/health/ready`, timeoutMs: 10_000, abortReason },
  );
  return url;
}

export async function stopLedger(ledger: LedgerProcess, timeoutMs = 15_000): Promise<number | string> {
  if (ledger.child.exitCode === null) ledger.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('no exit before the deadline'), timeoutMs)));
  try {
    return await Promise.race([ledger.exited, deadline]);
  } finally {
    clearTimeout(timer);
    if (ledger.child.exitCode === null && ledger.child.signalCode === null) ledger.child.kill('SIGKILL');
  }
}
