import { fastifyRouteKeys, nestRouteRules } from './support/route-table';
import { type ApiKeyPair, SecuredLedger, hmacHeader, hs256Bearer, kst } from './support/secured-ledger';

const OWN = 'acct-own';
const OTHER = 'acct-other';
const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };
const UNAUTHORIZED = { errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' };

const PRINCIPALS = ['none', 'customer', 'customerApiKey', 'otherCustomer', 'admin', 'auditor'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
type Statuses = Record<PrincipalName, number>;

interface Fixture {
  readonly logId: string;
  readonly snapshotId: string;
  readonly commandId: string;
  readonly revocableKey: string;
}

interface RouteRow {
  /** How the route is guarded (see nestRouteRules); `fastify` = not a Nest route (Swagger UI). */
  readonly rule: string;
  /** A concrete request: the ids belong to OWN, so `otherCustomer` asks for another account's data. */
  readonly path: (fixture: Fixture) => string;
  readonly body?: (fixture: Fixture) => unknown;
  readonly expect: Statuses;
}

const all = (status: number): Statuses => ({ none: status, customer: status, customerApiKey: status, otherCustomer: status, admin: status, auditor: status });
const CUSTOMER_ME: Statuses = { none: 401, customer: 200, customerApiKey: 200, otherCustomer: 200, admin: 403, auditor: 403 };
const CUSTOMER_OWNED: Statuses = { ...CUSTOMER_ME, otherCustomer: 404 };
const ADMIN: Statuses = { none: 401, customer: 403, customerApiKey: 401, otherCustomer: 403, admin: 200, auditor: 403 };
const AUDITOR: Statuses = { ...ADMIN, admin: 403, auditor: 200 };
const PUBLIC = 'public';
const CUSTOMER_ANY = 'auth:any:customer';
const ADMIN_JWT = 'auth:jwt:admin';
const AUDITOR_JWT = 'auth:jwt:auditor';
const at = (path: string) => () => path;
let submitted = 0;
const usageEnvelope = () => {
  submitted += 1;
  return { commandId: `matrix-${submitted}`, type: 'USAGE_RECORD', accountId: OWN, issuedAt: kst('2026-05-10 10:00:00.000'), issuedBy: { type: 'SYSTEM', id: 'matrix' }, payload: { usageId: `matrix-usage-${submitted}`, metric: 'messages', quantity: 1 } };
};

/**
 * The one table: every route the app answers, its guard, and the status each principal gets.
 * A route missing here, or here but gone, or guarded differently, fails the first two tests.
 */
const ROUTES: Readonly<Record<string, RouteRow>> = {
  'GET /health/live': { rule: PUBLIC, path: at('/health/live'), expect: all(200) },
  'GET /health/ready': { rule: PUBLIC, path: at('/health/ready'), expect: all(200) },
  'GET /metrics': { rule: PUBLIC, path: at('/metrics'), expect: all(200) },
  'GET /docs': { rule: 'fastify', path: at('/docs'), expect: all(200) },
  'GET /docs/': { rule: 'fastify', path: at('/docs/'), expect: all(200) },
  'GET /docs/swagger-ui-init.js': { rule: 'fastify', path: at('/docs/swagger-ui-init.js'), expect: all(200) },
  'GET /docs/docs/swagger-ui-init.js': { rule: 'fastify', path: at('/docs/docs/swagger-ui-init.js'), expect: all(200) },
  'GET /docs/index.html': { rule: 'fastify', path: at('/docs/index.html'), expect: all(200) },
  // Registered by @nestjs/swagger, but swagger-ui-dist ships no LICENSE file.
  'GET /docs/LICENSE': { rule: 'fastify', path: at('/docs/LICENSE'), expect: all(404) },
  'GET /docs/openapi.json': { rule: 'fastify', path: at('/docs/openapi.json'), expect: all(200) },
  'GET /docs/openapi.yaml': { rule: 'fastify', path: at('/docs/openapi.yaml'), expect: all(200) },
  'GET /docs/*': { rule: 'fastify', path: at('/docs/swagger-ui.css'), expect: all(200) },

  'GET /crm-core/v1/plans/me': { rule: CUSTOMER_ANY, path: at('/crm-core/v1/plans/me'), expect: CUSTOMER_ME },
  'GET /crm-core/v1/plans/me/billing-logs': { rule: CUSTOMER_ANY, path: at('/crm-core/v1/plans/me/billing-logs'), expect: CUSTOMER_ME },
  'GET /crm-core/v1/plans/me/billing-logs/:logId': { rule: CUSTOMER_ANY, path: (f) => `/crm-core/v1/plans/me/billing-logs/${f.logId}`, expect: CUSTOMER_OWNED },
  'GET /crm-core/v1/plans/me/billing-snapshots/:snapshotId': { rule: CUSTOMER_ANY, path: (f) => `/crm-core/v1/plans/me/billing-snapshots/${f.snapshotId}`, expect: CUSTOMER_OWNED },
  'GET /crm-core/v1/plans/me/receipts/:logId': { rule: CUSTOMER_ANY, path: (f) => `/crm-core/v1/plans/me/receipts/${f.logId}`, expect: CUSTOMER_OWNED },
  'POST /crm-core/v1/subscriptions/portal': {
    rule: 'auth:jwt:customer', path: at('/crm-core/v1/subscriptions/portal'), body: () => ({}),
    expect: { ...CUSTOMER_ME, customerApiKey: 401 },
  },
  'POST /crm-core/v1/subscriptions/portal/api': {
    rule: 'auth:hmac:customer', path: at('/crm-core/v1/subscriptions/portal/api'), body: () => ({}),
    expect: { none: 401, customer: 401, customerApiKey: 200, otherCustomer: 401, admin: 401, auditor: 401 },
  },

  'POST /internal/v1/commands': {
    rule: ADMIN_JWT, path: at('/internal/v1/commands'), expect: ADMIN,
    body: usageEnvelope,
  },
  'GET /internal/v1/commands/:commandId': { rule: ADMIN_JWT, path: (f) => `/internal/v1/commands/${f.commandId}`, expect: ADMIN },
  'PUT /internal/v1/clock': { rule: ADMIN_JWT, path: at('/internal/v1/clock'), body: () => ({ now: kst('2026-05-10 10:00:00.000') }), expect: ADMIN },
  'POST /internal/v1/accounts/:accountId/api-keys': { rule: ADMIN_JWT, path: at(`/internal/v1/accounts/${OWN}/api-keys`), expect: { ...ADMIN, admin: 201 } },
  'DELETE /internal/v1/accounts/:accountId/api-keys/:apiKey': { rule: ADMIN_JWT, path: (f) => `/internal/v1/accounts/${OWN}/api-keys/${f.revocableKey}`, expect: { ...ADMIN, admin: 204 } },

  'GET /audit/v1/accounts/:accountId/events': { rule: AUDITOR_JWT, path: at(`/audit/v1/accounts/${OWN}/events`), expect: AUDITOR },
  'GET /audit/v1/accounts/:accountId/plan': { rule: AUDITOR_JWT, path: at(`/audit/v1/accounts/${OWN}/plan`), expect: AUDITOR },
  'GET /audit/v1/accounts/:accountId/billing-logs': { rule: AUDITOR_JWT, path: at(`/audit/v1/accounts/${OWN}/billing-logs`), expect: AUDITOR },
  'GET /audit/v1/accounts/:accountId/verify': { rule: AUDITOR_JWT, path: at(`/audit/v1/accounts/${OWN}/verify`), expect: AUDITOR },
  'GET /audit/v1/billing-logs/:logId/provenance': { rule: AUDITOR_JWT, path: (f) => `/audit/v1/billing-logs/${f.logId}/provenance`, expect: AUDITOR },

  // The portal has its own credential (the session cookie of a portal link): API credentials open nothing there.
  'GET /portal/session': { rule: PUBLIC, path: at(`/portal/session?token=${'A'.repeat(43)}`), expect: all(401) },
  'GET /portal/assets/card-form.js': { rule: PUBLIC, path: at('/portal/assets/card-form.js'), expect: all(200) },
  'GET /portal/assets/fonts/:name': { rule: PUBLIC, path: at('/portal/assets/fonts/pretendard-400.woff2'), expect: all(200) },
  'GET /portal': { rule: 'portal-session', path: at('/portal'), expect: all(401) },
  'GET /portal/plan': { rule: 'portal-session', path: at('/portal/plan'), expect: all(401) },
  'GET /portal/plan/upgrade': { rule: 'portal-session', path: at('/portal/plan/upgrade?toTier=PRO&seatCount=2'), expect: all(401) },
  'GET /portal/seats': { rule: 'portal-session', path: at('/portal/seats'), expect: all(401) },
  'GET /portal/seats/add': { rule: 'portal-session', path: at('/portal/seats/add?seatCount=2'), expect: all(401) },
  'GET /portal/payment-method': { rule: 'portal-session', path: at('/portal/payment-method'), expect: all(401) },
  'GET /portal/history': { rule: 'portal-session', path: at('/portal/history'), expect: all(401) },
  'GET /portal/receipts/:logId': { rule: 'portal-session', path: (f) => `/portal/receipts/${f.logId}`, expect: all(401) },
  'GET /portal/receipts/:logId/pdf': { rule: 'portal-session', path: (f) => `/portal/receipts/${f.logId}/pdf`, expect: all(401) },
  ...Object.fromEntries(
    ['plan/upgrade', 'seats/add', 'plan/downgrade', 'seats/reduce', 'subscription/cancel', 'subscription/revoke', 'payment-method', 'sandbox-gateway/billing-keys'].map((action) => [
      `POST /portal/${action}`,
      { rule: 'portal-session+csrf', path: at(`/portal/${action}`), body: () => ({}), expect: all(401) },
    ]),
  ),
};

describe('authorization matrix: every route × every principal (e2e)', () => {
  let ledger: SecuredLedger;
  let fixture: Fixture;
  let ownKey: ApiKeyPair;
  const authorization: Record<PrincipalName, () => Promise<string | undefined>> = {
    none: async () => undefined,
    customer: () => hs256Bearer(OWN, 'customer'),
    customerApiKey: async () => hmacHeader(ownKey),
    otherCustomer: () => hs256Bearer(OTHER, 'customer'),
    admin: () => hs256Bearer('ops-1', 'admin'),
    auditor: () => hs256Bearer('audit-1', 'auditor'),
  };

  beforeAll(async () => {
    ledger = await SecuredLedger.start();
    for (const account of [OWN, OTHER]) {
      await ledger.run(account, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-02 10:00:00.000'));
      await ledger.run(account, 'UPGRADE', { toTier: 'PRO', seatCount: 1 }, kst('2026-04-02 10:00:00.000'));
    }
    const renewal = await ledger.run(OWN, 'RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), 'SYSTEM');
    ledger.clock.set(kst('2026-05-10 10:00:00.000'));
    ownKey = await ledger.issueApiKey(OWN);
    const log = (await ledger.request('GET', `/crm-core/v1/plans/me/billing-logs/${renewal.billingLogIds[0]}`, { authorization: hmacHeader(ownKey) })).json();
    fixture = { logId: log.subscriptionBillingLogId, snapshotId: log.linkedSnapshotId, commandId: renewal.commandId, revocableKey: (await ledger.issueApiKey(OWN)).apiKey };
  });
  afterAll(() => ledger.close());

  it('has exactly one row per route the server answers: a new route without a rule fails here', () => {
    expect(fastifyRouteKeys(ledger.app)).toEqual(Object.keys(ROUTES).sort());
  });

  it('guards each Nest route exactly as the table says (from the @Auth and guard metadata)', () => {
    const declared = Object.fromEntries(Object.entries(ROUTES).filter(([, row]) => row.rule !== 'fastify').map(([key, row]) => [key, row.rule]));
    expect(Object.fromEntries(nestRouteRules(ledger.app))).toEqual(declared);
  });

  it.each(Object.keys(ROUTES))('%s answers each principal as the table says', async (key) => {
    const row = ROUTES[key];
    const method = key.split(' ')[0];
    const actual = {} as Statuses;
    for (const principal of PRINCIPALS) {
      const header = await authorization[principal]();
      const response = await ledger.request(method, row.path(fixture), header === undefined ? {} : { authorization: header }, row.body?.(fixture));
      actual[principal] = response.statusCode;
      if (response.statusCode === 401 && !key.includes(' /portal')) expect(response.json()).toStrictEqual(UNAUTHORIZED);
      expect(response.statusCode).toBeLessThan(500);
    }
    expect(actual).toEqual(row.expect);
  });
});
