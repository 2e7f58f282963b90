import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { Logger } from 'pino';
import type { ApiKeyDirectory } from '../auth/api-keys/api-key-directory.port';
import { AUTH_EXPORTS, type PortBinding, authProviders } from '../auth/auth.providers';
import type { ReplayGuard } from '../auth/replay/replay-guard.port';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { LedgerExceptionFilter } from '../errors/ledger-exception.filter';
import { createLedgerValidationPipe } from '../errors/ledger-validation.pipe';
import { PLATFORM_LOGGER, createPlatformLogger } from '../logging/platform-logger';
import { HealthController } from '../ops/health/health.controller';
import { ReadinessService } from '../ops/health/readiness';
import { MetricsController } from '../ops/metrics/metrics.controller';
import { MetricsRegistry } from '../ops/metrics/metrics-registry';

export interface PlatformModuleOptions {
  readonly config: PlatformConfig;
  /** The same pino instance Fastify logs with; created from the config when omitted. */
  readonly logger?: Logger;
  /** Modules exporting what the bindings below inject (event store, sealer, read store...). */
  readonly imports?: ReadonlyArray<Type | DynamicModule>;
  readonly apiKeyDirectory: PortBinding<ApiKeyDirectory>;
  /** Defaults to an in-memory guard: fine for one instance only. */
  readonly replayGuard?: PortBinding<ReplayGuard>;
  /** Process metrics (CPU, memory, event loop); on by default. */
  readonly defaultMetrics?: boolean;
}

/**
 * Config, errors, validation, authentication and operations for every api module. Global, so that
 * `@Auth()` and the registries resolve from any feature module.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: options.config },
        { provide: PLATFORM_LOGGER, useValue: options.logger ?? createPlatformLogger(options.config.logLevel) },
        { provide: MetricsRegistry, useFactory: () => new MetricsRegistry({ defaultMetrics: options.defaultMetrics }) },
        ReadinessService,
        ...authProviders(options.apiKeyDirectory, options.replayGuard),
        { provide: APP_FILTER, useClass: LedgerExceptionFilter },
        { provide: APP_PIPE, useFactory: createLedgerValidationPipe },
      ],
      exports: [PLATFORM_CONFIG, PLATFORM_LOGGER, MetricsRegistry, ReadinessService, ...AUTH_EXPORTS],
    };
  }
}
