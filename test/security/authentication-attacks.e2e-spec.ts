import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { type ApiKeyPair, JWT_SECRET, SecuredLedger, hmacHeader, hs256Bearer } from './support/secured-ledger';

// Extends test/api/platform.e2e-spec.ts (reused salt, 20-minute-old date, expired HS256 token,
// 429 per JWT account) against the real ledger api, with the attacks it does not cover.
const PLAN = '/crm-core/v1/plans/me';
const UNAUTHORIZED = { errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' };
const MINUTE = 60_000;
const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const unsignedToken = (header: object, claims: object, signature = ''): string => `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${signature}`;
const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;
const customerClaims = (extra: object = {}) => ({ sub: 'acct-a', role: 'customer', exp: inSeconds(600), ...extra });

const expectUnauthorized = async (ledger: SecuredLedger, authorization: string, path = PLAN): Promise<void> => {
  const response = await ledger.request('GET', path, { authorization });
  expect(response.statusCode).toBe(401);
  expect(response.json()).toStrictEqual(UNAUTHORIZED);
};

describe('HMAC replay and clock skew (e2e)', () => {
  let ledger: SecuredLedger;
  let key: ApiKeyPair;
  beforeAll(async () => {
    ledger = await SecuredLedger.start();
    key = await ledger.issueApiKey('acct-a');
  });
  afterAll(() => ledger.close());

  it.each([
    ['14 minutes in the past', 200, -14 * MINUTE],
    ['14 minutes in the future', 200, 14 * MINUTE],
    ['16 minutes in the past', 401, -16 * MINUTE],
    ['16 minutes in the future', 401, 16 * MINUTE],
    ['a day in the future', 401, 24 * 60 * MINUTE],
  ])('a date %s answers %i', async (_label, status, offsetMs) => {
    const response = await ledger.request('GET', PLAN, { authorization: hmacHeader(key, new Date(Date.now() + offsetMs).toISOString()) });
    expect(response.statusCode).toBe(status);
  });

  it('refuses a salt replayed on another route, re-signed with a new date, or in upper case', async () => {
    const salt = randomBytes(16).toString('hex');
    expect((await ledger.request('GET', PLAN, { authorization: hmacHeader(key, new Date().toISOString(), salt) })).statusCode).toBe(200);
    await expectUnauthorized(ledger, hmacHeader(key, new Date().toISOString(), salt), '/crm-core/v1/plans/me/billing-logs');
    await expectUnauthorized(ledger, hmacHeader(key, new Date(Date.now() + 1_000).toISOString(), salt));
    await expectUnauthorized(ledger, hmacHeader(key, new Date().toISOString(), salt.toUpperCase()));
  });

  it('does not let a forged request burn a salt: a bad signature claims nothing', async () => {
    const salt = randomBytes(16).toString('hex');
    const date = new Date().toISOString();
    await expectUnauthorized(ledger, hmacHeader({ apiKey: key.apiKey, apiSecret: 'guessed-secret' }, date, salt));
    expect((await ledger.request('GET', PLAN, { authorization: hmacHeader(key, date, salt) })).statusCode).toBe(200);
  });

  it('keeps the same salt usable by another api key (replay is per key)', async () => {
    const other = await ledger.issueApiKey('acct-b');
    const salt = randomBytes(16).toString('hex');
    expect((await ledger.request('GET', PLAN, { authorization: hmacHeader(key, new Date().toISOString(), salt) })).statusCode).toBe(200);
    expect((await ledger.request('GET', PLAN, { authorization: hmacHeader(other, new Date().toISOString(), salt) })).statusCode).toBe(200);
  });
});

describe('JWT attacks on an HS256 deployment (e2e)', () => {
  let ledger: SecuredLedger;
  const hs256 = (claims: object, secret = JWT_SECRET): string => {
    const unsigned = unsignedToken({ alg: 'HS256', typ: 'JWT' }, claims).slice(0, -1);
    return `Bearer ${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };
  beforeAll(async () => {
    ledger = await SecuredLedger.start();
  });
  afterAll(() => ledger.close());

  it('admits a well-formed token (the control)', async () => {
    expect((await ledger.request('GET', PLAN, { authorization: hs256(customerClaims()) })).statusCode).toBe(200);
  });

  it.each([
    ['alg none without a signature', () => `Bearer ${unsignedToken({ alg: 'none', typ: 'JWT' }, customerClaims())}`],
    ['alg none with a signature part', () => `Bearer ${unsignedToken({ alg: 'none', typ: 'JWT' }, customerClaims(), 'AAAA')}`],
    ['alg NONE in capitals', () => `Bearer ${unsignedToken({ alg: 'NONE' }, customerClaims(), 'AAAA')}`],
    ['an HS256 header over a signature from another secret', () => hs256(customerClaims(), 'another-secret-that-is-at-least-32-chars')],
    ['a payload swapped under a valid signature', () => {
      const [header, , signature] = hs256(customerClaims()).slice('Bearer '.length).split('.');
      return `Bearer ${header}.${base64url(JSON.stringify(customerClaims({ role: 'admin' })))}.${signature}`;
    }],
    ['an expired token (past the 5 s tolerance)', () => hs256(customerClaims({ exp: inSeconds(-30) }))],
    ['a token not valid before a minute from now', () => hs256(customerClaims({ nbf: inSeconds(60) }))],
    ['a token without exp', () => hs256({ sub: 'acct-a', role: 'customer' })],
    ['an unknown role', () => hs256(customerClaims({ role: 'superuser' }))],
    ['no sub', () => hs256({ role: 'customer', exp: inSeconds(600) })],
  ])('refuses %s with the exact 401', async (_label, token) => {
    await expectUnauthorized(ledger, token());
  });

  it('refuses an RS256 token on an HS256 deployment', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs256 = await new SignJWT({ sub: 'acct-a', role: 'customer' })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('10m')
      .sign(await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256'));
    await expectUnauthorized(ledger, `Bearer ${rs256}`);
  });
});

describe('JWT on an RS256 deployment: no HS/RS key confusion (e2e)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let ledger: SecuredLedger;
  beforeAll(async () => {
    ledger = await SecuredLedger.start({ LEDGER_JWT_PUBLIC_KEY: publicPem, LEDGER_JWT_ISSUER: 'https://id.example', LEDGER_JWT_AUDIENCE: 'billing-ledger' });
  });
  afterAll(() => ledger.close());

  const rs256 = async (claims: { iss?: string; aud?: string } = {}): Promise<string> =>
    `Bearer ${await new SignJWT({ role: 'customer', ...claims })
      .setSubject('acct-a')
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('10m')
      .sign(await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256'))}`;

  it('admits an RS256 token with the configured issuer and audience (the control)', async () => {
    expect((await ledger.request('GET', PLAN, { authorization: await rs256({ iss: 'https://id.example', aud: 'billing-ledger' }) })).statusCode).toBe(200);
  });

  it('refuses an HS256 token whose HMAC key is the RSA public key (PEM text or DER bytes)', async () => {
    for (const secret of [publicPem, publicKey.export({ type: 'spki', format: 'der' })]) {
      const unsigned = unsignedToken({ alg: 'HS256', typ: 'JWT' }, customerClaims({ iss: 'https://id.example', aud: 'billing-ledger' })).slice(0, -1);
      await expectUnauthorized(ledger, `Bearer ${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`);
    }
  });

  it('refuses a well-signed RS256 token from another issuer or for another audience', async () => {
    await expectUnauthorized(ledger, await rs256({ iss: 'https://evil.example', aud: 'billing-ledger' }));
    await expectUnauthorized(ledger, await rs256({ iss: 'https://id.example', aud: 'another-service' }));
    await expectUnauthorized(ledger, await rs256());
  });

  it('refuses an HS256 token signed with the deployment-less default secret', async () => {
    await expectUnauthorized(ledger, await hs256Bearer('acct-a', 'customer'));
  });
});

describe('rate limits per credential (e2e)', () => {
  const LIMIT = 4;
  let ledger: SecuredLedger;
  beforeAll(async () => {
    ledger = await SecuredLedger.start({ LEDGER_RATE_LIMIT_MAX: String(LIMIT), LEDGER_RATE_LIMIT_WINDOW_MS: '600000' });
  });
  afterAll(() => ledger.close());

  const statuses = async (count: number, authorization: () => Promise<string> | string): Promise<number[]> => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await ledger.request('GET', PLAN, { authorization: await authorization() })).statusCode);
    return seen;
  };

  it('an API key that spends its budget does not touch another key of the same account, nor forged requests the key', async () => {
    // Issuing keys goes through the admin endpoint, under the admin's own budget.
    const spender = await ledger.issueApiKey('acct-a');
    const sibling = await ledger.issueApiKey('acct-a');
    const stranger = await ledger.issueApiKey('acct-b');
    // Forged signatures naming the sibling's key are limited per client address, not per key.
    const forged = await statuses(LIMIT + 2, () => hmacHeader({ apiKey: sibling.apiKey, apiSecret: 'wrong' }));
    expect(forged.slice(0, LIMIT).every((status) => status === 401)).toBe(true);
    expect(forged.slice(LIMIT)).toEqual([429, 429]);

    expect(await statuses(LIMIT + 1, () => hmacHeader(spender))).toEqual([200, 200, 200, 200, 429]);
    expect(await statuses(LIMIT, () => hmacHeader(sibling))).toEqual([200, 200, 200, 200]);
    expect(await statuses(1, () => hmacHeader(stranger))).toEqual([200]);
    expect(await statuses(1, () => hs256Bearer('acct-c', 'customer'))).toEqual([200]);
  });
});
