import { randomBytes } from 'node:crypto';
import { UnauthorizedError } from '@ledger/errors';
import { InMemoryApiKeyDirectory } from '../api-keys/testing/in-memory-api-key-directory';
import { InMemoryReplayGuard } from '../replay/in-memory-replay-guard';
import { HmacAuthenticator } from './hmac-authenticator';
import { signHmac } from './hmac-signature';

const API_KEY = 'NCSXXXXXXXXXXXXX';
const API_SECRET = 'YOUR_API_SECRET';
const NOW = new Date('2026-04-23T09:15:30.500Z');

const headerFor = (date: string, { salt = randomBytes(16).toString('hex'), secret = API_SECRET, apiKey = API_KEY } = {}) =>
  `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signHmac(secret, date, salt)}`;
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

describe('HmacAuthenticator', () => {
  let directory: InMemoryApiKeyDirectory;
  let authenticator: HmacAuthenticator;

  beforeEach(() => {
    directory = new InMemoryApiKeyDirectory();
    directory.add('ACC-1', API_KEY, API_SECRET);
    authenticator = new HmacAuthenticator(directory, new InMemoryReplayGuard(() => NOW), () => NOW);
  });

  const rejection = async (header: string): Promise<string> => {
    const error = await authenticator.authenticate(header).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnauthorizedError);
    return (error as UnauthorizedError).reason;
  };

  it('authenticates a customer from the key, with or without milliseconds', async () => {
    const expected = { accountId: 'ACC-1', role: 'customer', credentialId: API_KEY, via: 'hmac' };
    expect(await authenticator.authenticate(headerFor(NOW.toISOString()))).toStrictEqual(expected);
    expect(await authenticator.authenticate(headerFor('2026-04-23T09:15:30Z'))).toStrictEqual(expected);
  });

  it('accepts dates up to 15 minutes either side of the real clock', async () => {
    await expect(authenticator.authenticate(headerFor(minutesFromNow(-14.9)))).resolves.toBeDefined();
    await expect(authenticator.authenticate(headerFor(minutesFromNow(14.9)))).resolves.toBeDefined();
  });

  it.each([-15.1, 15.1, -600])('refuses a date %d minutes away', async (minutes) => {
    expect(await rejection(headerFor(minutesFromNow(minutes)))).toMatch(/window/);
  });

  it('refuses a salt reused with the same key, but not with another key', async () => {
    directory.add('ACC-2', 'NCSYYYYYYYYYYYYY', 'OTHER_SECRET');
    const salt = randomBytes(16).toString('hex');
    await authenticator.authenticate(headerFor(NOW.toISOString(), { salt }));
    expect(await rejection(headerFor('2026-04-23T09:15:31Z', { salt }))).toMatch(/salt reused/);
    expect(await rejection(headerFor('2026-04-23T09:15:31Z', { salt: salt.toUpperCase() }))).toMatch(/salt reused/);
    await expect(authenticator.authenticate(headerFor(NOW.toISOString(), { salt, apiKey: 'NCSYYYYYYYYYYYYY', secret: 'OTHER_SECRET' }))).resolves.toBeDefined();
  });

  it('does not burn a salt on a request with a bad signature', async () => {
    const salt = randomBytes(16).toString('hex');
    await rejection(headerFor(NOW.toISOString(), { salt, secret: 'WRONG' }));
    await expect(authenticator.authenticate(headerFor(NOW.toISOString(), { salt }))).resolves.toBeDefined();
  });

  it('refuses a wrong secret, an unknown key and a revoked key', async () => {
    expect(await rejection(headerFor(NOW.toISOString(), { secret: 'WRONG' }))).toMatch(/signature/);
    expect(await rejection(headerFor(NOW.toISOString(), { apiKey: 'NCSZZZZZZZZZZZZZ' }))).toMatch(/unknown or revoked/);
    await directory.revoke(API_KEY);
    expect(await rejection(headerFor(NOW.toISOString()))).toMatch(/unknown or revoked/);
  });

  it('computes a signature for unknown keys too, so timing does not reveal which keys exist', async () => {
    const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    await rejection(headerFor(NOW.toISOString(), { apiKey: 'NCSZZZZZZZZZZZZZ' }));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('turns garbage into 401 reasons, never exceptions of another kind', async () => {
    for (const garbage of ['HMAC-SHA256', 'HMAC-SHA256 a=b', 'HMAC-SHA256 apiKey=, date=, salt=, signature=', `HMAC-SHA256 ${'x'.repeat(5000)}`]) {
      expect(await rejection(garbage)).toMatch(/^hmac: /);
    }
  });
});
