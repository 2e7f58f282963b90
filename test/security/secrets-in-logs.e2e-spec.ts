import { randomUUID } from 'node:crypto';
import { type ApiKeyPair, SecuredLedger, hmacHeader, hs256Bearer, kst } from './support/secured-ledger';

const ACCOUNT = 'acct-logs';
const CARD_OK = '4242424242424242';
const CARD_DECLINED = '4000000000000002';
const CARD_BAD_CHECKSUM = '4242424242424241';

/**
 * A whole customer journey at trace level, then a search of every captured log line (and of the
 * stored events) for the secrets it handled. Platform-level checks (signature=, Bearer ey) live in
 * test/api/platform.e2e-spec.ts; this one follows real secrets through the real ledger.
 */
describe('secrets and card data never reach the logs (e2e)', () => {
  let ledger: SecuredLedger;
  const secrets: Record<string, string> = {};

  const cardForm = async (session: { cookie: string; csrf: string }, cardNumber: string) =>
    ledger.request('POST', '/portal/sandbox-gateway/billing-keys', { cookie: session.cookie, 'x-csrf-token': session.csrf }, { cardNumber });
  const saveCard = async (session: { cookie: string; csrf: string }, card: { billingKey: string; brand: string; last4: string }) =>
    fetch(`${ledger.baseUrl}/portal/payment-method`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...card, _csrf: session.csrf, commandId: `portal-${randomUUID()}` }).toString(),
    });
  const upgrade = async (admin: string, toTier: string) =>
    ledger.request('POST', '/internal/v1/commands', { authorization: admin }, {
      commandId: `logs-upgrade-${toTier}`, type: 'UPGRADE', accountId: ACCOUNT, issuedAt: kst('2026-04-03 10:00:00.000'), issuedBy: { type: 'USER', id: 'user-1' }, payload: { toTier, seatCount: 1 },
    });

  beforeAll(async () => {
    ledger = await SecuredLedger.start();
    ledger.clock.set(kst('2026-04-02 10:00:00.000'));
    const admin = await hs256Bearer('ops-1', 'admin');
    const customerJwt = await hs256Bearer(ACCOUNT, 'customer');
    const key: ApiKeyPair = await ledger.issueApiKey(ACCOUNT);
    Object.assign(secrets, { apiSecret: key.apiSecret, adminJwt: admin.slice(7), customerJwt: customerJwt.slice(7) });

    // A first payment through the internal API so the account may open the portal.
    await ledger.run(ACCOUNT, 'PAYMENT_METHOD_UPDATE', { billingKey: `sandbox:${CARD_OK}`, brand: 'VISA', last4: '4242' }, kst('2026-04-02 10:00:00.000'));
    await ledger.run(ACCOUNT, 'UPGRADE', { toTier: 'STARTER', seatCount: 1 }, kst('2026-04-02 10:00:00.000'));
    for (const path of ['/crm-core/v1/plans/me', '/crm-core/v1/plans/me/billing-logs']) {
      expect((await ledger.request('GET', path, { authorization: hmacHeader(key) })).statusCode).toBe(200);
      expect((await ledger.request('GET', path, { authorization: customerJwt })).statusCode).toBe(200);
    }
    expect((await ledger.request('GET', '/crm-core/v1/plans/me', { authorization: hmacHeader({ ...key, apiSecret: 'wrong' }) })).statusCode).toBe(401);

    const link = await ledger.request('POST', '/crm-core/v1/subscriptions/portal/api', { authorization: hmacHeader(key) }, {});
    secrets.portalToken = new URL(link.json().url).searchParams.get('token') ?? 'missing';
    const session = await ledger.portalSession(key);
    Object.assign(secrets, { sessionCookie: session.cookie.split('=')[1], csrf: session.csrf });

    const good = await cardForm(session, '4242 4242 4242 4242');
    expect(good.statusCode).toBe(200);
    expect((await cardForm(session, CARD_BAD_CHECKSUM)).statusCode).toBe(400);
    expect((await saveCard(session, good.json())).status).toBe(303);
    ledger.clock.set(kst('2026-04-03 10:00:00.000'));
    expect((await upgrade(admin, 'PRO')).json()).toMatchObject({ status: 'ACCEPTED' });

    const declined = await cardForm(session, CARD_DECLINED);
    expect((await saveCard(session, declined.json())).status).toBe(303);
    expect((await upgrade(admin, 'ENTERPRISE')).json()).toMatchObject({ status: 'REJECTED', errorCode: 'PAYMENT_DECLINED' });
  });
  afterAll(() => ledger.close());

  it('captured a real amount of logging (the search below is not over nothing)', () => {
    expect(ledger.logs.length).toBeGreaterThan(20);
    expect(ledger.logs.join('')).toMatch(/portal|billing/);
  });

  it.each(['apiSecret', 'adminJwt', 'customerJwt', 'portalToken', 'sessionCookie', 'csrf'])('never logs the %s', (name) => {
    expect(secrets[name]?.length).toBeGreaterThan(15);
    expect(ledger.logs.filter((line) => line.includes(secrets[name]))).toEqual([]);
  });

  it.each([CARD_OK, CARD_DECLINED, CARD_BAD_CHECKSUM])('never logs the card number %s, alone or as a billing key', (card) => {
    const spaced = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(ledger.logs.filter((line) => line.includes(card) || line.includes(spaced))).toEqual([]);
  });

  it('stores billing keys sealed: no card number in the event store', async () => {
    const stored = (await ledger.runtime.eventStore.readAll()).map((event) => JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)));
    expect(stored.some((json) => json.includes('PaymentMethodUpdated'))).toBe(true);
    expect(stored.filter((json) => [CARD_OK, CARD_DECLINED].some((card) => json.includes(card)))).toEqual([]);
  });
});
