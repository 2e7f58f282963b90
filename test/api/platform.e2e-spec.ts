import { randomBytes } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import type { AddressInfo } from 'node:net';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from '../../apps/api/src';
import { signHmac } from '../../apps/api/src/auth/hmac/hmac-signature';
import { JWT_SECRET, type PlatformTestApp, SwitchableProbe, startPlatformTestApp } from './support/platform-test-app';
import { type HttpResponse, httpClient } from './support/http-client';
import { runSeedCurlClient, runSeedNodeClient } from './support/seed-clients';

const UNAUTHORIZED = { errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' };
const LOGS = '/crm-core/v1/plans/me/billing-logs';
const jwt = (claims: JWTPayload, expiresIn: string | number = '10m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expiresIn).sign(new TextEncoder().encode(JWT_SECRET));
const hmacHeader = (apiKey: string, apiSecret: string, date = new Date().toISOString(), salt = randomBytes(16).toString('hex')) =>
  `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signHmac(apiSecret, date, salt)}`;

describe('api platform (e2e)', () => {
  let ctx: PlatformTestApp;
  let key: { apiKey: string; apiSecret: string };
  let baseUrl: string;
  let request: ReturnType<typeof httpClient>;
  const get = (url: string, authorization?: string): Promise<HttpResponse> => request('GET', url, authorization === undefined ? {} : { authorization });

  beforeAll(async () => {
    ctx = await startPlatformTestApp({ LEDGER_RATE_LIMIT_MAX: '1000' });
    key = await ctx.app.get<ApiKeyDirectory>(API_KEY_DIRECTORY).issue('ACC-1');
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    request = httpClient(baseUrl);
  });
  afterAll(() => ctx.close());

  describe('401 with the exact body', () => {
    it.each([
      ['no Authorization header', () => undefined],
      ['an unknown api key', () => hmacHeader('NCSAAAAAAAAAAAAA', key.apiSecret)],
      ['a bad signature', () => hmacHeader(key.apiKey, 'not-the-secret')],
      ['a date 20 minutes old', () => hmacHeader(key.apiKey, key.apiSecret, new Date(Date.now() - 20 * 60_000).toISOString())],
      ['a garbage header', () => 'HMAC-SHA256 apiKey==,,, date=yesterday; signature=\'--'],
      ['another scheme', () => 'Basic dXNlcjpwYXNz'],
    ])('for %s', async (_label, header) => {
      const response = await get(LOGS, header());
      expect(response.statusCode).toBe(401);
      expect(response.json()).toStrictEqual(UNAUTHORIZED);
    });

    it('for a reused salt', async () => {
      const header = hmacHeader(key.apiKey, key.apiSecret);
      expect((await get(LOGS, header)).statusCode).toBe(200);
      const replay = await get(LOGS, header);
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toStrictEqual(UNAUTHORIZED);
    });

    it('for an expired JWT', async () => {
      const response = await get(LOGS, `Bearer ${await jwt({ sub: 'ACC-1', role: 'customer' }, Math.floor(Date.now() / 1000) - 60)}`);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toStrictEqual(UNAUTHORIZED);
    });

    it('for an API key on a JWT-only route', async () => {
      expect((await get('/internal/v1/ping', hmacHeader(key.apiKey, key.apiSecret))).json()).toStrictEqual(UNAUTHORIZED);
    });

    it('for a revoked key', async () => {
      const other = await ctx.app.get<ApiKeyDirectory>(API_KEY_DIRECTORY).issue('ACC-2');
      await ctx.app.get<ApiKeyDirectory>(API_KEY_DIRECTORY).revoke(other.apiKey);
      expect((await get(LOGS, hmacHeader(other.apiKey, other.apiSecret))).statusCode).toBe(401);
    });
  });

  it('answers 403 to a role that may not call the endpoint', async () => {
    const response = await get('/internal/v1/ping', `Bearer ${await jwt({ sub: 'ACC-1', role: 'customer' })}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ errorCode: 'Forbidden' });
  });

  it('admits an admin JWT and a customer JWT where their roles fit', async () => {
    expect((await get('/internal/v1/ping', `Bearer ${await jwt({ sub: 'OPS-1', role: 'admin' })}`)).statusCode).toBe(200);
    const customer = await get(LOGS, `Bearer ${await jwt({ sub: 'ACC-9', role: 'customer' })}`);
    expect(customer.json()).toMatchObject({ principal: { accountId: 'ACC-9', via: 'jwt' } });
  });

  it('serves the seed\'s Node client, unchanged', async () => {
    const { status, data } = await runSeedNodeClient(key.apiKey, key.apiSecret, baseUrl);
    expect(status).toBe(200);
    expect(data).toStrictEqual({
      principal: { accountId: 'ACC-1', role: 'customer', credentialId: key.apiKey, via: 'hmac' },
      page: { limit: 20, offset: 0 },
    });
  });

  it('serves the seed\'s curl + openssl client (date without milliseconds), unchanged', async () => {
    expect(await runSeedCurlClient(key.apiKey, key.apiSecret, baseUrl)).toMatchObject({ principal: { accountId: 'ACC-1', via: 'hmac' } });
  });

  it('answers 400 with details naming the fields', async () => {
    const response = await get(`${LOGS}?limit=500&offset=-1&sort=evil`, hmacHeader(key.apiKey, key.apiSecret));
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.errorCode).toBe('ValidationError');
    expect(body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['limit', 'offset', 'sort']);
  });

  it('answers 404 and 413 in the same body shape', async () => {
    expect((await get('/no/such/route')).json()).toMatchObject({ errorCode: 'NotFound' });
    const headers = { authorization: `Bearer ${await jwt({ sub: 'OPS-1', role: 'admin' })}`, 'content-type': 'application/json' };
    const big = await request('POST', '/internal/v1/echo', headers, JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1) }));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ errorCode: 'PayloadTooLarge' });
  });

  it('hides an unknown error behind a generic 500 and logs it with the request id', async () => {
    const response = await request('GET', '/boom', { 'x-request-id': 'corr-42' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toStrictEqual({ errorCode: 'InternalError', errorMessage: expect.any(String) });
    expect(response.body).not.toMatch(/hunter2|secret\.ts|at /);
    expect(response.headers['x-request-id']).toBe('corr-42');
    expect(ctx.logs.some((line) => line.includes('corr-42') && line.includes('hunter2'))).toBe(true);
  });

  it('sets security headers on every response, errors included', async () => {
    for (const response of [await get('/health/live'), await get(LOGS)]) {
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('reports liveness and readiness', async () => {
    expect((await get('/health/live')).json()).toStrictEqual({ status: 'ok' });
    expect((await get('/health/ready')).json()).toStrictEqual({ status: 'ready', checks: [{ name: 'dummy-store', status: 'up' }] });
    ctx.app.get(SwitchableProbe).up = false;
    const down = await get('/health/ready');
    ctx.app.get(SwitchableProbe).up = true;
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ errorCode: 'Unavailable', details: { checks: [{ name: 'dummy-store', status: 'down' }] } });
  });

  it('exposes Prometheus metrics by route template', async () => {
    const response = await get('/metrics');
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toMatch(/http_requests_total\{method="GET",route="\/crm-core\/v1\/plans\/me\/billing-logs",status="200"\} \d+/);
    expect(response.body).toContain('http_request_duration_seconds_bucket');
  });

  it('publishes an OpenAPI document generated from the code', async () => {
    const document = (await get('/docs/openapi.json')).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths[LOGS].get.security).toEqual(expect.arrayContaining([{ hmac: [] }, { jwt: [] }]));
    expect(document.paths['/health/live']).toBeDefined();
    expect((await get('/docs')).headers['content-type']).toMatch(/text\/html/);
  });

  it('never logs credentials', () => {
    const output = ctx.logs.join('');
    expect(output).not.toContain(key.apiSecret);
    expect(output).not.toMatch(/signature=|Bearer ey/);
  });
});

describe('rate limiting (e2e)', () => {
  let ctx: PlatformTestApp;
  let request: ReturnType<typeof httpClient>;
  beforeAll(async () => {
    ctx = await startPlatformTestApp({ LEDGER_RATE_LIMIT_MAX: '3', LEDGER_RATE_LIMIT_WINDOW_MS: '60000' });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    request = httpClient(`http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`);
  });
  afterAll(() => ctx.close());

  it('answers 429 per credential once its limit is spent', async () => {
    const call = async (sub: string) => request('GET', LOGS, { authorization: `Bearer ${await jwt({ sub, role: 'customer' })}` });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call('ACC-1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call('ACC-1');
    expect(limited.json()).toStrictEqual({ errorCode: 'TooManyRequests', errorMessage: expect.any(String) });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await call('ACC-2')).statusCode).toBe(200);
    expect((await request('GET', '/health/live')).statusCode).toBe(200);
  });
});
