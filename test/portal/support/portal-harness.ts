import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { positionFromString } from '@ledger/event-store';
import type { CommandOutcome, SettableClock } from '@ledger/ledger';
import type { SandboxPaymentGateway } from '@ledger/payments';
import { type LedgerRuntime, openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import { SignJWT } from 'jose';
import { API_KEY_DIRECTORY, type ApiKeyDirectory, loadPlatformConfig } from '../../../apps/api/src';
import { signHmac } from '../../../apps/api/src/auth/hmac/hmac-signature';
import { createLedgerApi } from '../../../apps/api/src/ledger/create-ledger-api';
import { freePort } from '../../infra/free-port';

const JWT_SECRET = 'portal-e2e-secret-that-is-at-least-32-characters';

/** KST wall clock → ISO UTC: `kst('2026-04-23 09:15:30.123')` = `2026-04-23T00:15:30.123Z`. */
export const kst = (wallClock: string): string => new Date(`${wallClock.replace(' ', 'T')}+09:00`).toISOString();

let sequence = 0;

/**
 * The whole ledger api on temp files (SQLite events, sandbox gateway, in-memory read models, test
 * billing clock), listening on a free port of 127.0.0.1 that is also its public URL.
 */
export class PortalHarness {
  private constructor(
    readonly runtime: LedgerRuntime,
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PortalHarness> {
    const dir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
    const runtime = await openLedgerRuntime(runtimeConfigFromEnv({ LEDGER_DATA_DIR: dir, LEDGER_TEST_CLOCK: '1' }));
    await runtime.projector.start();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadPlatformConfig({
      PORT: String(port),
      LEDGER_PUBLIC_URL: baseUrl,
      LEDGER_DATA_DIR: dir,
      LEDGER_JWT_SECRET: JWT_SECRET,
      LEDGER_TEST_CLOCK: '1',
      LEDGER_RATE_LIMIT_MAX: '100000',
      LEDGER_LOG_LEVEL: 'warn',
    });
    const app = await createLedgerApi(runtime, { config, defaultMetrics: false, docs: false });
    await app.listen({ port, host: '127.0.0.1' });
    return new PortalHarness(runtime, app, baseUrl, dir);
  }

  get clock(): SettableClock {
    if (this.runtime.testClock === undefined) throw new Error('the harness runs with LEDGER_TEST_CLOCK=1');
    return this.runtime.testClock;
  }

  get gateway(): SandboxPaymentGateway {
    return this.runtime.gateway as SandboxPaymentGateway;
  }

  /** Runs a command at the given instant (billing clock moved there) and waits for the read models. */
  async run(accountId: string, type: string, payload: Record<string, unknown>, at: string, issuedBy = 'USER'): Promise<CommandOutcome> {
    this.clock.set(at);
    sequence += 1;
    const commandId = type === 'RENEWAL' ? `renewal:${accountId}:${String(payload.period)}` : `seed-${sequence}-${type.toLowerCase()}`;
    const outcome = await this.runtime.commands.handle({ commandId, type, accountId, issuedAt: at, issuedBy: { type: issuedBy, id: issuedBy.toLowerCase() }, payload });
    if (outcome.status !== 'ACCEPTED') throw new Error(`${type} for ${accountId} was ${outcome.status}: ${outcome.errorCode} ${outcome.errorMessage}`);
    if (outcome.position !== undefined) await this.runtime.projector.whenVisible(positionFromString(outcome.position));
    return outcome;
  }

  bearer(accountId: string): Promise<string> {
    return new SignJWT({ sub: accountId, role: 'customer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JWT_SECRET))
      .then((token) => `Bearer ${token}`);
  }

  /** A fresh HMAC Authorization header for a new API key of the account (a new salt each time). */
  async hmac(accountId: string): Promise<string> {
    const { apiKey, apiSecret } = await this.app.get<ApiKeyDirectory>(API_KEY_DIRECTORY).issue(accountId);
    const date = new Date().toISOString();
    const salt = randomBytes(16).toString('hex');
    return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signHmac(apiSecret, date, salt)}`;
  }

  post(path: string, headers: Record<string, string>, body: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), redirect: 'manual' });
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.runtime.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
