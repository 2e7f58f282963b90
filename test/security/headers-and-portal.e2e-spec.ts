import { fastifyRouteKeys } from './support/route-table';
import { type ApiKeyPair, SecuredLedger, hmacHeader, hs256Bearer, kst } from './support/secured-ledger';

// Extends test/api/platform.e2e-spec.ts (headers on a dummy app) and test/portal/portal-access.e2e-spec.ts
// (CSRF on cancel and the card form, four returnUrl refusals) to the whole ledger api.
const ACCOUNT = 'acct-portal';
const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };

describe('security headers, caching, portal CSRF and returnUrl (e2e)', () => {
  let ledger: SecuredLedger;
  let key: ApiKeyPair;
  let session: { cookie: string; csrf: string };
  const portalGet = (path: string) => fetch(`${ledger.baseUrl}${path}`, { headers: { cookie: session.cookie }, redirect: 'manual' });
  const portalLink = async (returnUrl: string) =>
    ledger.request('POST', '/crm-core/v1/subscriptions/portal', { authorization: await hs256Bearer(ACCOUNT, 'customer') }, { returnUrl });

  beforeAll(async () => {
    ledger = await SecuredLedger.start();
    await ledger.run(ACCOUNT, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-02 10:00:00.000'));
    await ledger.run(ACCOUNT, 'UPGRADE', { toTier: 'PRO', seatCount: 1 }, kst('2026-04-02 10:00:00.000'));
    ledger.clock.set(kst('2026-04-10 10:00:00.000'));
    key = await ledger.issueApiKey(ACCOUNT);
    session = await ledger.portalSession(key);
  });
  afterAll(() => ledger.close());

  const responses = async (): Promise<Array<[string, Headers]>> => [
    ['customer JSON', (await fetch(`${ledger.baseUrl}/crm-core/v1/plans/me`, { headers: { authorization: hmacHeader(key) } })).headers],
    ['401 JSON', (await fetch(`${ledger.baseUrl}/crm-core/v1/plans/me`)).headers],
    ['404 JSON', (await fetch(`${ledger.baseUrl}/no/such/route`)).headers],
    ['portal page', (await portalGet('/portal')).headers],
    ['portal 401 page', (await fetch(`${ledger.baseUrl}/portal/history`)).headers],
    ['portal asset', (await fetch(`${ledger.baseUrl}/portal/assets/card-form.js`)).headers],
    ['docs', (await fetch(`${ledger.baseUrl}/docs/openapi.json`)).headers],
  ];

  it('sets the security headers on API, portal, asset and docs answers, errors included', async () => {
    for (const [label, headers] of await responses()) {
      const csp = headers.get('content-security-policy') ?? '';
      expect({ label, csp, frameAncestors: csp.includes("frame-ancestors 'none'"), objectSrc: csp.includes("object-src 'none'") }).toMatchObject({
        label, csp: expect.stringContaining("default-src 'self'"), frameAncestors: true, objectSrc: true,
      });
      expect({ label, nosniff: headers.get('x-content-type-options'), hsts: headers.get('strict-transport-security'), referrer: headers.get('referrer-policy'), poweredBy: headers.get('x-powered-by') }).toStrictEqual({
        label, nosniff: 'nosniff', hsts: expect.stringMatching(/max-age=\d+/), referrer: 'no-referrer', poweredBy: null,
      });
    }
  });

  it('keeps answers with account data, secrets or CSRF tokens out of every cache', async () => {
    const admin = { authorization: await hs256Bearer('ops-1', 'admin') };
    const answers: Array<[string, Headers | Record<string, string>]> = [
      ['plan (HMAC)', (await fetch(`${ledger.baseUrl}/crm-core/v1/plans/me`, { headers: { authorization: hmacHeader(key) } })).headers],
      ['billing logs (JWT)', (await fetch(`${ledger.baseUrl}/crm-core/v1/plans/me/billing-logs`, { headers: { authorization: await hs256Bearer(ACCOUNT, 'customer') } })).headers],
      ['issued api secret', (await fetch(`${ledger.baseUrl}/internal/v1/accounts/${ACCOUNT}/api-keys`, { method: 'POST', headers: admin })).headers],
      ['portal link', (await portalLink(`${ledger.baseUrl}/back`)).headers],
      ['portal overview', (await portalGet('/portal')).headers],
      ['portal payment method', (await portalGet('/portal/payment-method')).headers],
      ['portal history', (await portalGet('/portal/history')).headers],
    ];
    for (const [label, headers] of answers) expect({ label, cacheControl: new Headers(headers).get('cache-control') }).toStrictEqual({ label, cacheControl: expect.stringContaining('no-store') });
  });

  it('refuses every state-changing portal route without the session\'s CSRF token, and appends nothing', async () => {
    const postRoutes = fastifyRouteKeys(ledger.app).filter((route) => route.startsWith('POST /portal/')).map((route) => route.slice('POST '.length));
    expect(postRoutes.length).toBeGreaterThanOrEqual(8);
    const head = await ledger.runtime.eventStore.headPosition();
    const commandId = 'portal-00000000-0000-4000-8000-0000000000aa';
    for (const path of postRoutes) {
      for (const token of [undefined, 'A'.repeat(43), `${session.csrf}x`]) {
        const fields = { commandId, toTier: 'ENTERPRISE', seatCount: '2', expectedTotal: '0', billingKey: VISA_OK.billingKey, brand: 'VISA', last4: '4242', cardNumber: '4242424242424242', ...(token === undefined ? {} : { _csrf: token }) };
        const response = await fetch(`${ledger.baseUrl}${path}`, {
          method: 'POST', redirect: 'manual', headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
        });
        expect({ path, token, status: response.status }).toStrictEqual({ path, token, status: 403 });
      }
    }
    expect(await ledger.runtime.eventStore.headPosition()).toEqual(head);
  });

  it.each([
    (base: string) => `${base}@evil.example/`,
    (base: string) => `${base.replace('http://', 'http://user:pass@')}/`,
    () => '//evil.example/settings',
    () => 'https:\\\\evil.example',
    (base: string) => `${base}.evil.example/`,
    (base: string) => base.replace('http://', 'https://'),
    () => 'data:text/html,<script>alert(1)</script>',
    () => 'HTTPS://EVIL.EXAMPLE/',
    () => ' https://evil.example/',
    () => 'http://127.0.0.1/',
  ])('refuses returnUrl variant #%# with 400 (no open redirect)', async (variant) => {
    const response = await portalLink(variant(ledger.baseUrl));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errorCode: 'ValidationError', details: [{ field: 'returnUrl' }] });
  });

  it('renders an allowed returnUrl with markup in it as an inert link', async () => {
    const link = await portalLink(`${ledger.baseUrl}/back?x="><script>alert(1)</script>`);
    expect(link.statusCode).toBe(200);
    const opened = await fetch(link.json().url, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await (await fetch(`${ledger.baseUrl}/portal`, { headers: { cookie } })).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain(`${ledger.baseUrl}/back?x=`);
  });
});
