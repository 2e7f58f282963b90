import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { positionFromString } from '@ledger/event-store';
import { billingSchedulerOf, schedulerConfigFromEnv } from '@ledger/scheduler';
import { type LedgerRuntime, type LedgerRuntimeConfig, openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from '../auth/api-keys/api-key-directory.port';
import { loadPlatformConfig } from '../config/load-platform-config';
import type { PlatformConfig } from '../config/platform-config';
import { createPlatformLogger } from '../logging/platform-logger';
import { createLedgerApi } from '../ledger/create-ledger-api';
import { demoDataAtStart } from './demo-data-at-start';
import { demoTokens, issueDemoApiKey } from './demo-credentials';
import { JWT_SECRET_FILE, withEmbeddedJwtSecret } from './embedded-jwt-secret';
import { renderStartBanner } from './start-banner';

export interface StartedLedger {
  readonly app: NestFastifyApplication;
  readonly runtime: LedgerRuntime;
  readonly config: PlatformConfig;
  readonly banner: string;
  /** Stops the scheduler and the api, flushes the projector, closes the stores. */
  close(): Promise<void>;
}

const describeStorage = (runtime: LedgerRuntimeConfig): string =>
  [
    runtime.kurrentdbUrl ? 'events in KurrentDB' : `events in SQLite (${runtime.dataDir})`,
    runtime.mongoUrl ? 'read models in MongoDB' : 'read models in memory (rebuilt at start)',
    runtime.kafkaBrokers ? `Kafka ${runtime.kafkaBrokers.join(',')}` : 'commands over HTTP',
  ].join('; ');

const describeJwtSecret = (env: NodeJS.ProcessEnv, config: PlatformConfig): string =>
  env.LEDGER_JWT_SECRET ? 'key from LEDGER_JWT_SECRET' : `key generated into ${config.dataDir}/${JWT_SECRET_FILE}, kept across restarts`;

/**
 * The whole ledger in one process (architecture.md "Run modes"): runtime, demo data on an empty
 * store, projector, HTTP api and the billing scheduler. Resolves once it listens, after writing the
 * start banner to `output`. (Kafka ingest and the relay run in the worker process.)
 */
export async function startLedger(env: NodeJS.ProcessEnv, output: NodeJS.WritableStream = process.stdout): Promise<StartedLedger> {
  const runtimeConfig = runtimeConfigFromEnv(env);
  const config = loadPlatformConfig(withEmbeddedJwtSecret(env, runtimeConfig.dataDir));
  const logger = createPlatformLogger(config.logLevel).child({ component: 'start' });
  const runtime = await openLedgerRuntime(runtimeConfig, { onProjectionError: (error) => logger.error({ err: error }, 'projection failed') });
  try {
    const demo = await demoDataAtStart(runtime, config.demo);
    await runtime.projector.start();
    await untilProjected(runtime, runtimeConfig, demo.seeded?.lastPosition);
    const app = await createLedgerApi(runtime, { config });
    await app.listen({ port: config.port, host: '0.0.0.0' });
    const scheduler = billingSchedulerOf(runtime, schedulerConfigFromEnv(env), (error) => logger.error({ err: error }, 'scheduler round failed'));
    scheduler.start();
    const apiKey = demo.demoAccountId === undefined ? undefined : await issueDemoApiKey(app.get<ApiKeyDirectory>(API_KEY_DIRECTORY), demo.demoAccountId);
    const banner = renderStartBanner({
      url: config.publicUrl,
      storage: describeStorage(runtimeConfig),
      demoData: demo.description,
      apiKey: apiKey && { ...apiKey, freshOnRestart: demo.seeded === undefined },
      tokens: await demoTokens(config.jwt, demo.demoAccountId),
      jwtSecretSource: describeJwtSecret(env, config),
    });
    output.write(banner);
    const close = () => scheduler.stop().then(() => app.close()).finally(() => runtime.close());
    return { app, runtime, config, banner, close };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/**
 * Requests answer from the read models, so the api opens once they hold what the store held at
 * start: in memory they are rebuilt from scratch. KurrentDB's head may be a system event the
 * subscription never delivers, so there only the seeded events are awaited.
 */
async function untilProjected(runtime: LedgerRuntime, config: LedgerRuntimeConfig, seededUpTo: string | undefined): Promise<void> {
  const head = config.kurrentdbUrl ? (seededUpTo === undefined ? undefined : positionFromString(seededUpTo)) : await runtime.eventStore.headPosition();
  if (head !== undefined) await runtime.projector.whenVisible(head);
}
