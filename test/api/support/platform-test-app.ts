import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, Injectable, Module, Post, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type EventStore, openSqliteEventStore } from '@ledger/event-store';
import { SecretBox } from '@ledger/payments';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Writable } from 'node:stream';
import {
  Auth,
  CurrentPrincipal,
  type Principal,
  ReadinessCheck,
  type ReadinessProbe,
  createApiApp,
  eventSourcedApiKeyDirectory,
  loadPlatformConfig,
} from '../../../apps/api/src';

export const JWT_SECRET = 'e2e-secret-that-is-at-least-32-characters-long';
const EVENT_STORE = Symbol('EVENT_STORE');
const SEALER = Symbol('SEALER');

class PageQuery {
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit = 20;

  @Type(() => Number) @IsInt() @Min(0) @Max(10_000)
  offset = 0;
}

@Controller()
class DummyController {
  @Get('crm-core/v1/plans/me/billing-logs')
  @Auth('any', 'customer')
  billingLogs(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    return { principal, page };
  }

  @Get('internal/v1/ping')
  @Auth('jwt', 'admin')
  adminOnly(@CurrentPrincipal() principal: Principal) {
    return { principal };
  }

  @Post('internal/v1/echo')
  @Auth('jwt', 'admin')
  echo(@Body() body: unknown) {
    return { received: typeof body };
  }

  @Get('boom')
  boom(): never {
    throw new Error('database password is hunter2 at /srv/app/secret.ts:42');
  }
}

@Injectable()
@ReadinessCheck()
export class SwitchableProbe implements ReadinessProbe {
  readonly name = 'dummy-store';
  up = true;
  async check(): Promise<void> {
    if (!this.up) throw new Error('dummy store unreachable');
  }
}

@Module({ controllers: [DummyController], providers: [SwitchableProbe] })
class DummyModule {}

export interface PlatformTestApp {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly logs: string[];
  close(): Promise<void>;
}

export const startPlatformTestApp = async (env: NodeJS.ProcessEnv = {}): Promise<PlatformTestApp> => {
  const dir = mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  const store = openSqliteEventStore({ file: join(dir, 'events.db') });
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  @Module({ providers: [{ provide: EVENT_STORE, useValue: store }, { provide: SEALER, useValue: new SecretBox(randomBytes(32)) }], exports: [EVENT_STORE, SEALER] })
  class TestInfraModule {}

  const app = await createApiApp([DummyModule], {
    config: loadPlatformConfig({ LEDGER_JWT_SECRET: JWT_SECRET, LEDGER_LOG_LEVEL: 'debug', ...env }),
    imports: [TestInfraModule],
    apiKeyDirectory: eventSourcedApiKeyDirectory(EVENT_STORE, SEALER),
    logDestination,
    defaultMetrics: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    store,
    logs,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
