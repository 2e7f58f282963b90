import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import { signHmac, signatureMatches } from './hmac-signature';

const SECRET = 'YOUR_API_SECRET';
const SALT = 'f1e2d3c4b5a697887766554433221100';

describe('HMAC signature', () => {
  it('matches the seed\'s Node client (date with milliseconds)', () => {
    const dateTime = '2026-04-23T09:15:30.123Z';
    const seedSignature = crypto.createHmac('sha256', SECRET).update(dateTime + SALT).digest('hex');
    expect(signatureMatches(SECRET, dateTime, SALT, seedSignature)).toBe(true);
  });

  it('matches the seed\'s Python client, which formats the date without milliseconds', () => {
    const pythonDate = '2026-04-23T09:15:30Z';
    // hmac.new(api_secret.encode(), (date_time + salt).encode(), hashlib.sha256).hexdigest()
    const pythonSignature = crypto.createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(Buffer.from(pythonDate + SALT, 'utf8')).digest('hex');
    expect(signatureMatches(SECRET, pythonDate, SALT, pythonSignature)).toBe(true);
  });

  it('matches a real `openssl dgst -sha256 -hmac` signature, computed as the seed\'s curl sample does', () => {
    const date = '2026-04-23T09:15:30Z';
    const output = execFileSync('bash', ['-c', 'echo -n "${DATE}${SALT}" | openssl dgst -sha256 -hmac "${API_SECRET}" | awk \'{print $NF}\''], {
      env: { ...process.env, DATE: date, SALT, API_SECRET: SECRET },
    });
    const opensslSignature = output.toString().trim();
    expect(opensslSignature).toMatch(/^[0-9a-f]{64}$/);
    expect(opensslSignature).toBe(signHmac(SECRET, date, SALT));
    expect(signatureMatches(SECRET, date, SALT, opensslSignature)).toBe(true);
  });

  it('refuses another secret, date or salt, and accepts either hex case', () => {
    const date = '2026-04-23T09:15:30Z';
    const signature = signHmac(SECRET, date, SALT);
    expect(signatureMatches('OTHER_SECRET', date, SALT, signature)).toBe(false);
    expect(signatureMatches(SECRET, '2026-04-23T09:15:31Z', SALT, signature)).toBe(false);
    expect(signatureMatches(SECRET, date, SALT.replace('f1', 'f2'), signature)).toBe(false);
    expect(signatureMatches(SECRET, date, SALT, signature.toUpperCase())).toBe(true);
  });

  it('compares in constant time on equal-length buffers, even for a wrong-length signature', () => {
    // The module object itself: a namespace import is a copy that a spy would not reach.
    const spy = jest.spyOn(jest.requireActual<typeof crypto>('node:crypto'), 'timingSafeEqual');
    expect(signatureMatches(SECRET, '2026-04-23T09:15:30Z', SALT, 'ab'.repeat(16))).toBe(false);
    expect(signatureMatches(SECRET, '2026-04-23T09:15:30Z', SALT, 'ab'.repeat(32))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) expect((a as Buffer).length).toBe((b as Buffer).length);
    spy.mockRestore();
  });
});
