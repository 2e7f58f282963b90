import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import { loadPlatformConfig } from '../config/load-platform-config';
import type { PlatformConfig } from '../config/platform-config';
import { createPlatformLogger } from '../logging/platform-logger';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { setupOpenApi } from '../ops/docs/openapi';
import { installHttpObservability, requestIdOf } from '../ops/http-observability';
import { MetricsRegistry } from '../ops/metrics/metrics-registry';
import { PlatformModule, type PlatformModuleOptions } from './platform.module';
import { type CspDirectives, registerSecurityPlugins } from './security-plugins';

/** 1 MiB: the largest legitimate body is an internal batch of ≤ 500 command envelopes. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface ApiAppOptions extends Omit<PlatformModuleOptions, 'config' | 'logger'> {
  /** Defaults to loadPlatformConfig(process.env), which throws on a bad environment. */
  readonly config?: PlatformConfig;
  /** Where logs go (stdout by default); tests pass a stream to read them. */
  readonly logDestination?: DestinationStream;
  /** Directives added to (or replacing) DEFAULT_CSP. */
  readonly contentSecurityPolicy?: CspDirectives;
  /** Serve /docs; on by default. */
  readonly docs?: boolean;
}

@Module({})
class ApiRootModule {}

/**
 * Builds the api around the given feature modules: Fastify with body limit, request ids and pino,
 * the PlatformModule, security headers, rate limits, metrics, logs and OpenAPI. Returns the app
 * before init, so the caller can register more (views, static files) before `listen()`.
 */
export const createApiApp = async (modules: ReadonlyArray<Type | DynamicModule>, options: ApiAppOptions): Promise<NestFastifyApplication> => {
  const config = options.config ?? loadPlatformConfig();
  const logger = createPlatformLogger(config.logLevel, options.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per request comes from installHttpObservability, without URLs or headers.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  const root: DynamicModule = { module: ApiRootModule, imports: [PlatformModule.forRoot({ ...options, config, logger }), ...modules] };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });

  await registerSecurityPlugins(app, config, options.contentSecurityPolicy);
  installHttpObservability(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry), logger);
  if (options.docs !== false) setupOpenApi(app, config.publicUrl);
  return app;
};
