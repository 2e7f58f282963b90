import { parseHmacAuthorization, parseIsoInstant } from './hmac-authorization.parser';

const KEY = 'NCSABCDEFGHIJ1234';
const SALT = '0123456789abcdef0123456789abcdef';
const SIG = 'a'.repeat(64);
const header = (params: string) => `HMAC-SHA256 ${params}`;
const seedShaped = header(`apiKey=${KEY.slice(0, 16)}, date=2026-04-23T09:15:30.123Z, salt=${SALT}, signature=${SIG}`);

describe('parseHmacAuthorization', () => {
  it('reads the seeds\' header', () => {
    const result = parseHmacAuthorization(seedShaped);
    expect(result).toStrictEqual({
      ok: true,
      credentials: { apiKey: 'NCSABCDEFGHIJ123', date: '2026-04-23T09:15:30.123Z', dateMs: Date.parse('2026-04-23T09:15:30.123Z'), salt: SALT, signature: SIG },
    });
  });

  it.each([
    ['any parameter order', header(`signature=${SIG},salt=${SALT} , date=2026-04-23T09:15:30Z,apiKey=NCSABCDEFGHIJ123`)],
    ['extra whitespace and tabs', `  HMAC-SHA256 \t apiKey = NCSABCDEFGHIJ123 ,\tdate=2026-04-23T09:15:30Z,  salt=${SALT},signature=${SIG}  `],
    ['a lower-case scheme (schemes are case-insensitive)', `hmac-sha256 apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG}`],
    ['quoted values', header(`apiKey="NCSABCDEFGHIJ123", date="2026-04-23T09:15:30Z", salt="${SALT}", signature="${SIG}"`)],
    ['upper-case hex', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT.toUpperCase()}, signature=${SIG.toUpperCase()}`)],
  ])('accepts %s', (_label, value) => {
    expect(parseHmacAuthorization(value).ok).toBe(true);
  });

  it.each([
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['the scheme alone', 'HMAC-SHA256'],
    ['a missing signature', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}`)],
    ['a duplicate parameter', header(`apiKey=NCSABCDEFGHIJ123, apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG}`)],
    ['an unknown parameter', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG}, extra=1`)],
    ['a trailing comma', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG},`)],
    ['a lower-case api key', header(`apiKey=ncsabcdefghij123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG}`)],
    ['a short api key', header(`apiKey=NCSABC, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG}`)],
    ['a date without zone', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30, salt=${SALT}, signature=${SIG}`)],
    ['an impossible date', header(`apiKey=NCSABCDEFGHIJ123, date=2026-02-30T09:15:30Z, salt=${SALT}, signature=${SIG}`)],
    ['a non-hex salt', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${'z'.repeat(32)}, signature=${SIG}`)],
    ['a too-short salt', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=abcd, signature=${SIG}`)],
    ['a short signature', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=abcd`)],
    ['a huge header', header(`apiKey=NCSABCDEFGHIJ123, date=2026-04-23T09:15:30Z, salt=${SALT}, signature=${SIG}`) + ' '.repeat(2000)],
    ['binary junk', '\u0000HMAC-SHA256 \uffff=\u0001'],
  ])('refuses %s', (_label, value) => {
    expect(parseHmacAuthorization(value)).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});

describe('parseIsoInstant', () => {
  it.each([
    ['2026-04-23T09:15:30Z', '2026-04-23T09:15:30.000Z'],
    ['2026-04-23T09:15:30.1Z', '2026-04-23T09:15:30.100Z'],
    ['2026-04-23T09:15:30.123456Z', '2026-04-23T09:15:30.123Z'],
    ['2026-04-23T18:15:30+09:00', '2026-04-23T09:15:30.000Z'],
    ['2026-04-23T04:15:30-05:00', '2026-04-23T09:15:30.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseIsoInstant(text) ?? Number.NaN).toISOString()).toBe(iso);
  });

  it.each(['2026-13-01T00:00:00Z', '2026-04-23T24:00:00Z', '2026-04-23 09:15:30Z', '1714000000'])('refuses %s', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});
