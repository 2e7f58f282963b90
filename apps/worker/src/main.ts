import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import { startWorker } from './start-worker';
import { workerSettingsFromEnv } from './worker-settings';

/** The worker process: `node dist/apps/worker/src/main.js` (env: see the worker's settings). */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  const settings = workerSettingsFromEnv(process.env);
  const runtime = await openLedgerRuntime(runtimeConfigFromEnv(process.env));
  const worker = await startWorker(runtime, settings).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  logger.log(`worker running roles: ${worker.roles.join(', ')}`);
  let stopping = false;
  const shutdown = (signal: string): void => {
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
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  new Logger('Worker').error(`worker failed to start: ${error.stack ?? error.message}`);
  process.exit(1);
});
