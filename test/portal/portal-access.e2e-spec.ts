import { hashSecret, PORTAL_COLLECTIONS } from '../../apps/api/src/portal/access/portal-secrets';
import type { PortalLinkDocument } from '../../apps/api/src/portal/access/portal-links';
import { PortalHarness, kst } from './support/portal-harness';

const PORTAL = '/crm-core/v1/subscriptions/portal';
const PORTAL_API = '/crm-core/v1/subscriptions/portal/api';
const UNAUTHORIZED = { errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' };
const NO_BILLING_ACCOUNT = { errorCode: 'NoBillingAccount', errorMessage: '청구 계정이 없습니다. 먼저 결제가 있어야 합니다.' };
const PAYING = 'acct-paying';
const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };

describe('portal links, sessions and CSRF (e2e)', () => {
  let harness: PortalHarness;
  const tokenOf = (url: string): string => new URL(url).searchParams.get('token') ?? '';
  const open = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });
  const linkFor = async (accountId = PAYING): Promise<string> => {
    const response = await harness.post(PORTAL_API, { authorization: await harness.hmac(accountId) }, {});
    expect(response.status).toBe(200);
    return ((await response.json()) as { url: string }).url;
  };
  /** Opens a fresh link: the session cookie and the CSRF token the portal rendered for it. */
  const session = async (): Promise<{ cookie: string; csrf: string }> => {
    const opened = await open(await linkFor());
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await (await open(`${harness.baseUrl}/portal`, { cookie })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
  };
  const postForm = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(`${harness.baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  beforeAll(async () => {
    harness = await PortalHarness.start();
    await harness.run(PAYING, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-02 10:00:00.000'));
    await harness.run(PAYING, 'UPGRADE', { toTier: 'PRO', seatCount: 1 }, kst('2026-04-02 10:00:00.000'));
    await harness.run('acct-card-only', 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-02 10:00:00.000'));
    harness.clock.set(kst('2026-04-10 10:00:00.000'));
  });
  afterAll(() => harness.close());

  it('issues a single-use portal URL for a JWT (web session) and for an API key (HMAC)', async () => {
    const viaJwt = await harness.post(PORTAL, { authorization: await harness.bearer(PAYING) }, { returnUrl: `${harness.baseUrl}/settings/billing` });
    expect(viaJwt.status).toBe(200);
    expect((await viaJwt.json()) as object).toStrictEqual({ url: expect.stringMatching(new RegExp(`^${harness.baseUrl}/portal/session\\?token=[A-Za-z0-9_-]{43}$`)) });
    expect(await linkFor()).toMatch(/\/portal\/session\?token=/);
  });

  it.each([
    ['no credential', PORTAL, async () => ({})],
    ['an API key on the JWT route', PORTAL, async () => ({ authorization: await harness.hmac(PAYING) })],
    ['a JWT on the API-key route', PORTAL_API, async () => ({ authorization: await harness.bearer(PAYING) })],
  ])('answers 401 with the exact body for %s', async (_label, path, headers) => {
    const response = await harness.post(path, await headers(), {});
    expect(response.status).toBe(401);
    expect(await response.json()).toStrictEqual(UNAUTHORIZED);
  });

  it.each(['https://evil.example.com/settings', 'javascript:alert(1)', '/relative/path', 'http://127.0.0.1:1/other-port'])('refuses returnUrl %s with 400 (no open redirect)', async (returnUrl) => {
    const response = await harness.post(PORTAL, { authorization: await harness.bearer(PAYING) }, { returnUrl });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'ValidationError', details: [{ field: 'returnUrl' }] });
  });

  it.each(['acct-card-only', 'acct-never-seen'])('answers 400 NoBillingAccount for %s, which never paid', async (accountId) => {
    for (const [path, authorization] of [[PORTAL, await harness.bearer(accountId)], [PORTAL_API, await harness.hmac(accountId)]]) {
      const response = await harness.post(path, { authorization }, {});
      expect(response.status).toBe(400);
      expect(await response.json()).toStrictEqual(NO_BILLING_ACCOUNT);
    }
  });

  it('opens a link once: HttpOnly SameSite=Lax cookie and redirect; a reused link answers 410 in Korean', async () => {
    const url = await linkFor();
    const first = await open(url);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/portal');
    expect(first.headers.get('set-cookie')).toMatch(/^ledger_portal=[A-Za-z0-9_-]{43}; Path=\/portal; Max-Age=3600; HttpOnly; SameSite=Lax$/);
    const again = await open(url);
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('이미 사용된 포털 링크입니다');
  });

  it('refuses an expired link with 410 and an unknown one with 401', async () => {
    const url = await linkFor();
    const links = harness.runtime.readStore.collection<PortalLinkDocument>(PORTAL_COLLECTIONS.links);
    const stored = await links.get(hashSecret(tokenOf(url)));
    expect(stored).toBeDefined();
    // Five minutes have passed (by the real clock, which portal links always use).
    await links.upsertMany([{ doc: { ...(stored as PortalLinkDocument), expiresAt: new Date(Date.now() - 1).toISOString() }, position: { commit: BigInt(Date.now() + 60_000), prepare: 0n } }]);
    const expired = await open(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('포털 링크가 만료되었습니다');
    const unknown = await open(`${harness.baseUrl}/portal/session?token=${'A'.repeat(43)}`);
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('포털 링크가 올바르지 않습니다');
  });

  it('answers portal pages without a session with a 401 page', async () => {
    const response = await open(`${harness.baseUrl}/portal`, { cookie: `ledger_portal=${'B'.repeat(43)}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('포털 세션이 없거나 만료되었습니다');
  });

  it('refuses a forged or missing CSRF token with 403 and changes nothing; the real token works', async () => {
    const { cookie, csrf } = await session();
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const commandId = 'portal-00000000-0000-4000-8000-000000000001';
    const forgeries: Record<string, string>[] = [{ _csrf: 'A'.repeat(43), commandId }, { commandId }];
    for (const fields of forgeries) {
      const forged = await postForm('/portal/subscription/cancel', cookie, fields);
      expect(forged.status).toBe(403);
      expect(await forged.text()).toContain('보안 토큰이 올바르지 않아');
    }
    const other = await session();
    expect((await postForm('/portal/subscription/cancel', cookie, { _csrf: other.csrf, commandId })).status).toBe(403);
    const card = await fetch(`${harness.baseUrl}/portal/sandbox-gateway/billing-keys`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ cardNumber: '4242424242424242' }) });
    expect(card.status).toBe(403);
    expect((await harness.runtime.accounts.load(PAYING, true)).state.scheduledChange).toBeNull();

    const genuine = await postForm('/portal/subscription/cancel', cookie, { _csrf: csrf, commandId });
    expect(genuine.status).toBe(303);
    expect(genuine.headers.get('location')).toBe('/portal?notice=CANCEL_SCHEDULED');
    expect((await harness.runtime.accounts.load(PAYING, true)).state.scheduledChange).toMatchObject({ action: 'CANCEL' });
  });

  it('gives the sandbox card form only the billing key, brand and last 4 digits', async () => {
    const { cookie, csrf } = await session();
    const response = await fetch(`${harness.baseUrl}/portal/sandbox-gateway/billing-keys`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ cardNumber: '4242 4242 4242 4242' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({ billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' });
  });
});
