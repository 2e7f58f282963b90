import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { positionFromString } from '@ledger/event-store';
import type { CommandOutcome, SettableClock } from '@ledger/ledger';
import { type LedgerRuntime, openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import { loadPlatformConfig } from '../../../apps/api/src';
import { signHmac } from '../../../apps/api/src/auth/hmac/hmac-signature';
import { createLedgerApi } from '../../../apps/api/src/ledger/create-ledger-api';
import { type HttpResponse, httpClient } from '../../api/support/http-client';
import { freePort } from '../../infra/free-port';

export const JWT_SECRET = 'security-e2e-secret-that-is-at-least-32-characters';
export type Role = 'customer' | 'admin' | 'auditor';
export interface ApiKeyPair {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** KST wall clock → ISO UTC: `kst('2026-04-23 09:15:30.123')` = `2026-04-23T00:15:30.123Z`. */
export const kst = (wallClock: string): string => new Date(`${wallClock.replace(' ', 'T')}+09:00`).toISOString();

export const hmacHeader = (key: ApiKeyPair, date = new Date().toISOString(), salt = randomBytes(16).toString('hex')): string =>
  `HMAC-SHA256 apiKey=${key.apiKey}, date=${date}, salt=${salt}, signature=${signHmac(key.apiSecret, date, salt)}`;

export const hs256Bearer = async (sub: string, role: Role, secret = JWT_SECRET): Promise<string> =>
  `Bearer ${await new SignJWT({ sub, role }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(new TextEncoder().encode(secret))}`;

let sequence = 0;

/**
 * The whole ledger api as deployed (SQLite events, sandbox gateway, in-memory read models, test
 * billing clock) on a free port of 127.0.0.1, with every log line captured at debug level so tests
 * can search them for secrets. `env` adds to or overrides the platform environment.
 */
export class SecuredLedger {
  private constructor(
    readonly runtime: LedgerRuntime,
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly logs: string[],
    private readonly dir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<SecuredLedger> {
    const dir = mkdtempSync(join(tmpdir(), 'security-e2e-'));
    const runtime = await openLedgerRuntime(runtimeConfigFromEnv({ LEDGER_DATA_DIR: dir, LEDGER_TEST_CLOCK: '1' }));
    await runtime.projector.start();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const logs: string[] = [];
    const logDestination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs.push(chunk.toString());
        callback();
      },
    });
    const config = loadPlatformConfig({
      PORT: String(port),
      LEDGER_PUBLIC_URL: baseUrl,
      LEDGER_DATA_DIR: dir,
      ...(env.LEDGER_JWT_PUBLIC_KEY === undefined ? { LEDGER_JWT_SECRET: JWT_SECRET } : {}),
      LEDGER_TEST_CLOCK: '1',
      LEDGER_RATE_LIMIT_MAX: '100000',
      LEDGER_LOG_LEVEL: 'trace',
      ...env,
    });
    const app = await createLedgerApi(runtime, { config, defaultMetrics: false, logDestination });
    await app.listen({ port, host: '127.0.0.1' });
    return new SecuredLedger(runtime, app, baseUrl, logs, dir);
  }

  get clock(): SettableClock {
    if (this.runtime.testClock === undefined) throw new Error('the ledger runs with LEDGER_TEST_CLOCK=1');
    return this.runtime.testClock;
  }

  request(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<HttpResponse> {
    const withType = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
    return httpClient(this.baseUrl)(method, path, withType, body === undefined ? undefined : JSON.stringify(body));
  }

  /** Runs a command at `at` (billing clock moved there), requires it accepted, waits for the read models. */
  async run(accountId: string, type: string, payload: Record<string, unknown>, at: string, issuedBy = 'USER'): Promise<CommandOutcome> {
    this.clock.set(at);
    sequence += 1;
    const commandId = type === 'RENEWAL' ? `renewal:${accountId}:${String(payload.period)}` : `security-${sequence}-${type.toLowerCase()}`;
    const outcome = await this.runtime.commands.handle({ commandId, type, accountId, issuedAt: at, issuedBy: { type: issuedBy, id: issuedBy.toLowerCase() }, payload });
    if (outcome.status !== 'ACCEPTED') throw new Error(`${type} for ${accountId} was ${outcome.status}: ${outcome.errorCode} ${outcome.errorMessage}`);
    if (outcome.position !== undefined) await this.runtime.projector.whenVisible(positionFromString(outcome.position));
    return outcome;
  }

  /** Issues an API key through the admin endpoint, as an operator would. */
  async issueApiKey(accountId: string): Promise<ApiKeyPair> {
    const response = await this.request('POST', `/internal/v1/accounts/${accountId}/api-keys`, { authorization: await hs256Bearer('ops-1', 'admin') });
    if (response.statusCode !== 201) throw new Error(`api key issue answered ${response.statusCode}: ${response.body}`);
    return response.json() as ApiKeyPair;
  }

  /** Opens a portal link issued for the API key: the session cookie and the CSRF token the portal rendered. */
  async portalSession(key: ApiKeyPair): Promise<{ cookie: string; csrf: string }> {
    const link = await this.request('POST', '/crm-core/v1/subscriptions/portal/api', { authorization: hmacHeader(key) }, {});
    if (link.statusCode !== 200) throw new Error(`portal link answered ${link.statusCode}: ${link.body}`);
    const opened = await fetch((link.json() as { url: string }).url, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await (await fetch(`${this.baseUrl}/portal`, { headers: { cookie } })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.runtime.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
