import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { CURL_BEGIN, CURL_END, renderStartBanner, signedCurlScript } from './start-banner';

const KEY = { accountId: 'demo-acme', apiKey: 'NCSABCDEFGHIJ123', apiSecret: 'ab'.repeat(32) };
const INFO = {
  url: 'http://localhost:3000',
  storage: 'events in SQLite (./data); read models in memory (rebuilt at start); commands over HTTP',
  demoData: 'seeded just now',
  jwtSecretSource: 'key generated into ./data/jwt.secret, kept across restarts',
};

describe('renderStartBanner', () => {
  it('shows the URL, the docs, the key pair, both tokens, the signed curl and the portal call', () => {
    const banner = renderStartBanner({ ...INFO, apiKey: { ...KEY, freshOnRestart: false }, tokens: { admin: 'ADMIN.JWT.X', customer: 'CUSTOMER.JWT.X' } });
    expect(banner).toContain('Billing ledger is listening on http://localhost:3000');
    expect(banner).toContain('OpenAPI docs http://localhost:3000/docs');
    expect(banner).toMatch(/API key\s+NCSABCDEFGHIJ123/);
    expect(banner).toMatch(/admin\s+ADMIN\.JWT\.X/);
    expect(banner).toContain(`${CURL_BEGIN}\n${signedCurlScript(INFO.url, KEY)}\n${CURL_END}`);
    expect(banner).toContain(`curl -X POST 'http://localhost:3000/crm-core/v1/subscriptions/portal' -H "Authorization: Bearer CUSTOMER.JWT.X"`);
  });

  it('says when a restart issued a fresh key pair, and prints no key without a demo account', () => {
    expect(renderStartBanner({ ...INFO, apiKey: { ...KEY, freshOnRestart: true }, tokens: { admin: 'A.B.C' } })).toContain('a fresh key pair for this run');
    const noDemo = renderStartBanner({ ...INFO, tokens: { admin: 'A.B.C' } });
    expect(noDemo).not.toContain('API key');
    expect(noDemo).not.toContain('customer');
  });
});

describe('signedCurlScript', () => {
  it('signs date + salt with the secret exactly as the seed bash sample does', () => {
    // Run the script's own signing lines with bash, with curl replaced by an echo of its arguments.
    const script = `curl() { printf '%s\\n' "$@"; }\n${signedCurlScript(INFO.url, KEY)}`;
    const [, , url, , authorization] = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n');
    expect(url).toBe('http://localhost:3000/crm-core/v1/plans/me/billing-logs?limit=20&offset=0');
    const match = /^Authorization: HMAC-SHA256 apiKey=(\S+), date=(\S+), salt=([0-9a-f]{32}), signature=([0-9a-f]{64})$/.exec(authorization);
    expect(match).not.toBeNull();
    const [, apiKey, date, salt, signature] = match!;
    expect(apiKey).toBe(KEY.apiKey);
    expect(signature).toBe(createHmac('sha256', KEY.apiSecret).update(date + salt).digest('hex'));
  });
});
