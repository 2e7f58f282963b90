import { ConfigurationError } from '../config/load-platform-config';
import { type StartedLedger, startLedger } from './start-ledger';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * `node dist/apps/api/src/main.js`: starts the ledger, and on SIGINT/SIGTERM stops taking requests,
 * flushes the projector and closes the stores before exiting 0. A second signal exits at once.
 * A bad environment is one readable message on stderr and exit code 1, never a stack trace.
 */
export async function runLedgerProcess(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let started: StartedLedger;
  try {
    started = await startLedger(env);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigurationError ? error.message : `Could not start the ledger: ${String(error instanceof Error ? (error.stack ?? error.message) : error)}`}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write(`${signal}: shutting down (flushing projections, closing stores)\n`);
    started.close().then(
      () => {
        process.stdout.write('ledger stopped\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, stop);
}
