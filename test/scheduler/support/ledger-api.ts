import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LedgerRuntime } from '@ledger/runtime';
import { loadPlatformConfig } from '../../../apps/api/src';
import { createLedgerApi } from '../../../apps/api/src/ledger/create-ledger-api';
import { type HttpResponse, httpClient } from '../../api/support/http-client';

const JWT_SECRET = 'scheduler-e2e-secret-of-at-least-32-characters';

/** The ledger api over a runtime, listening on a free port of 127.0.0.1. */
export interface LedgerApi {
  readonly app: NestFastifyApplication;
  putClock(now: unknown, role?: string | null): Promise<HttpResponse>;
  close(): Promise<void>;
}

export const bearer = (role: string, sub = 'ops-1'): Promise<string> =>
  new SignJWT({ sub, role }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(new TextEncoder().encode(JWT_SECRET));

export async function startLedgerApi(runtime: LedgerRuntime): Promise<LedgerApi> {
  const app = await createLedgerApi(runtime, {
    config: loadPlatformConfig({ LEDGER_JWT_SECRET: JWT_SECRET, LEDGER_LOG_LEVEL: 'warn', LEDGER_RATE_LIMIT_MAX: '10000' }),
    defaultMetrics: false,
    docs: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const request = httpClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
  return {
    app,
    async putClock(now, role = 'admin') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (role !== null) headers.authorization = `Bearer ${await bearer(role)}`;
      return request('PUT', '/internal/v1/clock', headers, JSON.stringify({ now }));
    },
    close: () => app.close(),
  };
}
