import fc from 'fast-check';
import { fastifyRouteKeys } from '../security/support/route-table';
import { type ApiKeyPair, SecuredLedger, hmacHeader, hs256Bearer, kst } from '../security/support/secured-ledger';
import { fuzzParameters, fuzzRuns, parsedCommandValue } from './support/fuzz-runs';

const QUICK_RUNS = 150;
const ACCOUNT = 'acct-fuzz';
const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };

const segment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^CRM[A-Z]{3}\d{8}$/),
  fc.constantFrom('..', '%2e%2e', '%00', '%ff', 'acct-fuzz', 'NCSAAAAAAAAAAAAA', 'me', ''),
);
const queryString = fc.dictionary(fc.constantFrom('limit', 'offset', 'format', 'asOf', 'fromRevision', 'token', 'page', 'toTier', 'seatCount', 'notice', 'x', '__proto__'), fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constant('')), { maxKeys: 4 });
const rawBody = fc.oneof(
  fc.constant(undefined),
  parsedCommandValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.array(parsedCommandValue, { maxLength: 3 }).map((values) => JSON.stringify(values)),
  fc.string({ maxLength: 200 }),
);
const contentType = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data', 'application/x-ndjson');
const accept = fc.constantFrom(undefined, 'application/pdf', 'application/x-ndjson', '*/*', 'text/html', 'application/json;q=0');

/**
 * Every route of the app (read from the router) with random path parameters, query, headers and
 * bodies, under every kind of caller: no answer may be a 5xx, and the server must keep answering.
 */
describe('fuzz: every HTTP endpoint over real HTTP (e2e)', () => {
  let ledger: SecuredLedger;
  let key: ApiKeyPair;
  let callers: Array<() => Promise<string | undefined>>;
  let routes: string[];
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    ledger = await SecuredLedger.start({ LEDGER_LOG_LEVEL: 'warn' });
    await ledger.run(ACCOUNT, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-02 10:00:00.000'));
    await ledger.run(ACCOUNT, 'UPGRADE', { toTier: 'PRO', seatCount: 1 }, kst('2026-04-02 10:00:00.000'));
    key = await ledger.issueApiKey(ACCOUNT);
    session = await ledger.portalSession(key);
    callers = [
      async () => undefined,
      async () => hmacHeader(key),
      () => hs256Bearer(ACCOUNT, 'customer'),
      () => hs256Bearer('ops-1', 'admin'),
      () => hs256Bearer('audit-1', 'auditor'),
      async () => `Bearer ${'a'.repeat(20)}.${'b'.repeat(20)}.${'c'.repeat(20)}`,
      async () => `HMAC-SHA256 apiKey=${key.apiKey}, date=garbage, salt=zz, signature=00`,
    ];
    routes = fastifyRouteKeys(ledger.app);
  });
  afterAll(() => ledger.close());

  it('never answers 5xx and keeps serving', async () => {
    const request = fc.record({
      route: fc.nat(),
      params: fc.array(segment, { minLength: 3, maxLength: 3 }),
      query: queryString,
      body: rawBody,
      contentType,
      accept,
      caller: fc.nat(),
      withPortalSession: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const [method, template] = routes[input.route % routes.length].split(' ');
        let index = 0;
        const path = template.replace(/:[A-Za-z]+|\*/g, () => encodeURIComponent(input.params[index++ % 3]));
        const search = new URLSearchParams(input.query).toString();
        const headers: Record<string, string> = { 'content-type': input.contentType };
        if (input.accept !== undefined) headers.accept = input.accept;
        const authorization = await callers[input.caller % callers.length]();
        if (authorization !== undefined) headers.authorization = authorization;
        // The portal's own credential (session cookie and CSRF token) rides along half of the time.
        if (input.withPortalSession) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
        const hasBody = method !== 'GET' && method !== 'HEAD' && input.body !== undefined;
        const response = await fetch(`${ledger.baseUrl}${path}${search === '' ? '' : `?${search}`}`, { method, headers, body: hasBody ? input.body : undefined, redirect: 'manual' });
        const text = await response.text();
        if (response.status >= 500) throw new Error(`${method} ${path}?${search} answered ${response.status}: ${text.slice(0, 300)}`);
      }),
      fuzzParameters(QUICK_RUNS),
    );
    expect((await fetch(`${ledger.baseUrl}/health/live`)).status).toBe(200);
  }, 30_000 + fuzzRuns(QUICK_RUNS) * 50);
});
