import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadPlatformConfig } from '../config/load-platform-config';
import { PLATFORM_LOGGER } from '../logging/platform-logger';
import type { Logger } from 'pino';
import { type ApiAppOptions, createApiApp } from './create-api-app';

/**
 * Starts the api for real: config from the environment (exits with a readable message when it is
 * wrong), graceful shutdown on SIGTERM/SIGINT, listening on PORT on every interface.
 */
export const bootstrapApi = async (modules: ReadonlyArray<Type | DynamicModule>, options: Omit<ApiAppOptions, 'config'>): Promise<NestFastifyApplication> => {
  let config;
  try {
    config = loadPlatformConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const app = await createApiApp(modules, { ...options, config });
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const logger = app.get<Logger>(PLATFORM_LOGGER);
  logger.info({ url: config.publicUrl, docs: `${config.publicUrl}/docs` }, 'ledger api listening');
  if (config.jwt.algorithm === 'HS256' && config.jwt.generated) {
    // Embedded mode only (config refuses a generated key with server adapters); printed, not logged.
    process.stdout.write(`LEDGER_JWT_SECRET was not set; generated for this run: ${config.jwt.secret}\n`);
  }
  return app;
};
