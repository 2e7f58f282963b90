import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import type { CommandType } from '@ledger/domain';
import { type PaymentGateway, loadOrCreateMasterKey } from '@ledger/payments';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { loadPlatformConfig } from '../../../apps/api/src';
import { createLedgerApi } from '../../../apps/api/src/ledger/create-ledger-api';
import { type HttpResponse, httpClient } from '../../api/support/http-client';
import { type EnvelopeOptions, envelope } from './envelopes';

export const JWT_SECRET = 'ledger-api-e2e-secret-at-least-32-characters';

/** The seed's Node sample (billing-logs-list.ko.txt), line for line: date, salt, signature, header. */
export function seedHmacHeader(apiKey: string, apiSecret: string, dateTime = new Date().toISOString(), salt = randomBytes(16).toString('hex')): string {
  const signature = createHmac('sha256', apiSecret).update(dateTime + salt).digest('hex');
  return `HMAC-SHA256 apiKey=${apiKey}, date=${dateTime}, salt=${salt}, signature=${signature}`;
}

export const bearer = async (sub: string, role: 'customer' | 'admin' | 'auditor', expiresAt: string | number = '10m'): Promise<string> =>
  `Bearer ${await new SignJWT({ sub, role }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expiresAt).sign(new TextEncoder().encode(JWT_SECRET))}`;

/**
 * Each read-store adapter a suite runs against: in memory, and the MongoDB-wire server the global
 * setup started (MONGO_URL), so the Mongo filter path answers the same questions.
 */
export const READ_STORE_MODES: ReadonlyArray<readonly [string, () => HarnessOptions]> = [
  ['memory read store', () => ({})],
  ['MongoDB read store', () => ({ mongoUrl: requiredMongoUrl() })],
];

function requiredMongoUrl(): string {
  const url = process.env.MONGO_URL;
  if (!url) throw new Error('MONGO_URL is not set: run through jest so test/infra/global-setup.ts starts the MongoDB-wire server');
  return url;
}

export interface HarnessOptions {
  readonly mongoUrl?: string;
  readonly gateway?: (dataDir: string) => PaymentGateway;
}

/** A real api over a real runtime (SQLite event store, sandbox gateway, memory or Mongo read store). */
export class LedgerApiHarness {
  private constructor(
    readonly runtime: LedgerRuntime,
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    private readonly dataDir: string,
    private readonly adminAuthorization: string,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<LedgerApiHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-api-e2e-'));
    const mongoDbName = `ledger_api_e2e_${randomBytes(6).toString('hex')}`;
    // Server mode never generates a master key; provision one in the temp dir as an operator would.
    if (options.mongoUrl) loadOrCreateMasterKey(dataDir, { env: {} });
    const runtime = await openLedgerRuntime(
      { dataDir, mongoUrl: options.mongoUrl, mongoDbName, testClock: true },
      options.gateway ? { gateway: options.gateway(dataDir) } : {},
    );
    await runtime.projector.start();
    const config = loadPlatformConfig({ LEDGER_JWT_SECRET: JWT_SECRET, LEDGER_RATE_LIMIT_MAX: '100000', LEDGER_LOG_LEVEL: 'silent' });
    const app = await createLedgerApi(runtime, { config, defaultMetrics: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    return new LedgerApiHarness(runtime, app, baseUrl, dataDir, await bearer('ops-1', 'admin'));
  }

  get request(): ReturnType<typeof httpClient> {
    return httpClient(this.baseUrl);
  }

  get(path: string, authorization?: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
    return this.request('GET', path, authorization === undefined ? headers : { ...headers, authorization });
  }

  asAdmin(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = { authorization: this.adminAuthorization };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.request(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  }

  /** Moves the billing clock (the HTTP clock endpoint belongs to another module). */
  at(instant: string): this {
    this.runtime.testClock!.set(instant);
    return this;
  }

  /** Sends one command at `issuedAt`, with the billing clock there too, and returns its outcome. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- outcomes are asserted field by field
  async run(accountId: string, type: CommandType, payload: Record<string, unknown>, issuedAt: string, options?: EnvelopeOptions): Promise<any> {
    this.at(issuedAt);
    const response = await this.asAdmin('POST', '/internal/v1/commands', envelope(accountId, type, payload, issuedAt, options));
    if (response.statusCode !== 200) throw new Error(`${type} answered ${response.statusCode}: ${response.body}`);
    return response.json();
  }

  /** Like run, but the command must be accepted; returns its billing log ids. */
  async accept(accountId: string, type: CommandType, payload: Record<string, unknown>, issuedAt: string, options?: EnvelopeOptions): Promise<string[]> {
    const outcome = await this.run(accountId, type, payload, issuedAt, options);
    if (outcome.status !== 'ACCEPTED') throw new Error(`${type} was not accepted: ${JSON.stringify(outcome)}`);
    return outcome.billingLogIds;
  }

  async issueApiKey(accountId: string): Promise<{ apiKey: string; apiSecret: string }> {
    const response = await this.asAdmin('POST', `/internal/v1/accounts/${accountId}/api-keys`);
    if (response.statusCode !== 201) throw new Error(`api key issue answered ${response.statusCode}: ${response.body}`);
    return response.json();
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.runtime.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
