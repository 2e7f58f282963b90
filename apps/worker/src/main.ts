import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import { startWorker } from './start-worker';
import { workerSettingsFromEnv } from './worker-settings';

/** The worker process: `node dist/apps/worker/src/main.js` (env: see the worker's settings). */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  // Listening from the first moment: a stop requested while the worker is still starting (e.g. right
  // after a restart) must end it cleanly once started, not kill it by the signal's default action.
  let stopRequested: string | undefined;
  let shutdown = (signal: string): void => {
    stopRequested ??= signal;
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  const settings = workerSettingsFromEnv(process.env);
  const runtime = await openLedgerRuntime(runtimeConfigFromEnv(process.env));
  const worker = await startWorker(runtime, settings).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  logger.log(`worker running roles: ${worker.roles.join(', ')}`);
  let stopping = false;
  shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the batch in flight, then stopping`);
    void worker
      .close()
      .then(() => runtime.close())
      .then(
        () => process.exit(0),
        (error: Error) => {
          logger.error(`shutdown failed: ${error.stack ?? error.message}`);
          process.exit(1);
        },
      );
  };
  if (stopRequested) shutdown(stopRequested);
}

main().catch((error: Error) => {
  new Logger('Worker').error(`worker failed to start: ${error.stack ?? error.message}`);
  process.exit(1);
});
