import { generateKeyPairSync } from 'node:crypto';
import { UnauthorizedError } from '@ledger/errors';
import { type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import type { JwtConfig } from '../../config/platform-config';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const HS_KEY = new TextEncoder().encode(SECRET);
const NOW = new Date('2026-04-23T09:15:30Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const RS_PUBLIC_PEM = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const hsConfig: JwtConfig = { algorithm: 'HS256', secret: SECRET, generated: false };
const rsConfig: JwtConfig = { algorithm: 'RS256', publicKeyPem: RS_PUBLIC_PEM };
const claims = (extra: JWTPayload = {}): JWTPayload => ({ sub: 'ACC-1', role: 'customer', exp: nowSeconds + 3600, ...extra });
const hsToken = (payload: JWTPayload = claims()) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(HS_KEY);
const rsToken = (payload: JWTPayload = claims()) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey);

const verifierFor = (config: JwtConfig) => new JwtVerifier(config, () => NOW);
const reasonOf = async (verifier: JwtVerifier, token: string): Promise<string> => {
  const error = await verifier.verify(token).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(UnauthorizedError);
  return (error as UnauthorizedError).reason;
};

describe('JwtVerifier', () => {
  it('accepts an HS256 token and reads the principal', async () => {
    expect(await verifierFor(hsConfig).verify(await hsToken(claims({ role: 'admin', jti: 'T-1' })))).toStrictEqual({
      accountId: 'ACC-1',
      role: 'admin',
      credentialId: 'jwt:T-1',
      via: 'jwt',
    });
  });

  it('accepts an RS256 token', async () => {
    expect((await verifierFor(rsConfig).verify(await rsToken(claims({ role: 'auditor' })))).role).toBe('auditor');
  });

  it('refuses alg none', async () => {
    const unsecured = new UnsecuredJWT(claims()).encode();
    expect(await reasonOf(verifierFor(hsConfig), unsecured)).toMatch(/compact JWS|alg/i);
    expect(await reasonOf(verifierFor(hsConfig), unsecured + 'c2ln')).toMatch(/alg/i);
  });

  it('refuses an HS256 token in an RS256 deployment, even one signed with the public key', async () => {
    const confused = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(RS_PUBLIC_PEM));
    expect(await reasonOf(verifierFor(rsConfig), confused)).toMatch(/alg/i);
    expect(await reasonOf(verifierFor(rsConfig), await hsToken())).toMatch(/alg/i);
  });

  it('refuses an RS256 token in an HS256 deployment', async () => {
    expect(await reasonOf(verifierFor(hsConfig), await rsToken())).toMatch(/alg/i);
  });

  it('refuses expired tokens and tokens without exp', async () => {
    expect(await reasonOf(verifierFor(hsConfig), await hsToken(claims({ exp: nowSeconds - 60 })))).toMatch(/exp/);
    const { exp: _exp, ...withoutExp } = claims();
    expect(await reasonOf(verifierFor(hsConfig), await hsToken(withoutExp))).toMatch(/exp/);
  });

  it('honours nbf', async () => {
    expect(await reasonOf(verifierFor(hsConfig), await hsToken(claims({ nbf: nowSeconds + 600 })))).toMatch(/nbf/);
    await expect(verifierFor(hsConfig).verify(await hsToken(claims({ nbf: nowSeconds - 60 })))).resolves.toBeDefined();
  });

  it('checks iss and aud when configured', async () => {
    const verifier = verifierFor({ ...hsConfig, issuer: 'https://id.example.com', audience: ['ledger'] });
    const good = claims({ iss: 'https://id.example.com', aud: 'ledger' });
    await expect(verifier.verify(await hsToken(good))).resolves.toBeDefined();
    expect(await reasonOf(verifier, await hsToken({ ...good, iss: 'https://evil.example.com' }))).toMatch(/iss/);
    expect(await reasonOf(verifier, await hsToken({ ...good, aud: 'other' }))).toMatch(/aud/);
    expect(await reasonOf(verifier, await hsToken(claims()))).toMatch(/iss/);
  });

  it('refuses a missing or unknown role and a missing sub', async () => {
    expect(await reasonOf(verifierFor(hsConfig), await hsToken(claims({ role: 'superuser' })))).toMatch(/role/);
    expect(await reasonOf(verifierFor(hsConfig), await hsToken(claims({ role: undefined })))).toMatch(/role/);
    expect(await reasonOf(verifierFor(hsConfig), await hsToken(claims({ sub: undefined })))).toMatch(/sub/);
  });

  it('refuses a tampered payload and plain garbage', async () => {
    const [header, , signature] = (await hsToken()).split('.');
    const forged = Buffer.from(JSON.stringify(claims({ role: 'admin' }))).toString('base64url');
    expect(await reasonOf(verifierFor(hsConfig), `${header}.${forged}.${signature}`)).toMatch(/signature/);
    expect(await reasonOf(verifierFor(hsConfig), 'not-a-token')).toMatch(/compact JWS/);
  });
});
