import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWT_SECRET_FILE, withEmbeddedJwtSecret } from './embedded-jwt-secret';

describe('withEmbeddedJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'jwt-secret-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('creates a 256-bit secret readable by the owner only, and reuses it on the next start', () => {
    const first = withEmbeddedJwtSecret({}, dataDir).LEDGER_JWT_SECRET;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dataDir, JWT_SECRET_FILE), 'utf8').trim()).toBe(first);
    expect(statSync(join(dataDir, JWT_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(withEmbeddedJwtSecret({}, dataDir).LEDGER_JWT_SECRET).toBe(first);
  });

  it('leaves a configured key, or a server deployment, to the platform config', () => {
    const configured = { LEDGER_JWT_SECRET: 'x'.repeat(40) };
    expect(withEmbeddedJwtSecret(configured, dataDir)).toBe(configured);
    const servers = { MONGO_URL: 'mongodb://db:27017' };
    expect(withEmbeddedJwtSecret(servers, dataDir)).toBe(servers);
    expect(() => statSync(join(dataDir, JWT_SECRET_FILE))).toThrow();
  });

  it('refuses a secret file that others can read', () => {
    withEmbeddedJwtSecret({}, dataDir);
    chmodSync(join(dataDir, JWT_SECRET_FILE), 0o644);
    expect(() => withEmbeddedJwtSecret({}, dataDir)).toThrow(/chmod 600/);
  });
});
