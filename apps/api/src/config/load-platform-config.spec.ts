import { generateKeyPairSync } from 'node:crypto';
import { ConfigurationError, loadPlatformConfig } from './load-platform-config';

const SECRET = 's'.repeat(40);
const rsaPublicKeyPem = (modulusLength: number): string =>
  generateKeyPairSync('rsa', { modulusLength }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
};

describe('loadPlatformConfig', () => {
  it('applies the documented defaults in embedded mode', () => {
    const config = loadPlatformConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      embedded: true,
      demo: true,
      testClock: false,
      publicUrl: 'http://localhost:3000',
      portalAllowedOrigins: ['http://localhost:3000'],
      rateLimit: { max: 300, windowMs: 60_000 },
    });
    expect(config.jwt).toMatchObject({ algorithm: 'HS256', generated: true });
  });

  it('reads every contract variable', () => {
    const config = loadPlatformConfig({
      PORT: '8080',
      LEDGER_DATA_DIR: '/var/ledger',
      KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
      MONGO_URL: 'mongodb://localhost:27017/ledger',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      LEDGER_JWT_SECRET: SECRET,
      LEDGER_JWT_ISSUER: 'https://id.example.com',
      LEDGER_JWT_AUDIENCE: 'ledger,portal',
      LEDGER_MASTER_KEY: 'ab'.repeat(32),
      LEDGER_DEMO: '0',
      LEDGER_TEST_CLOCK: '1',
      LEDGER_PORTAL_ALLOWED_ORIGINS: 'https://app.example.com, https://admin.example.com/',
      LEDGER_RATE_LIMIT_MAX: '50',
      LEDGER_RATE_LIMIT_WINDOW_MS: '10000',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/ledger',
      embedded: false,
      demo: false,
      testClock: true,
      servers: { kafkaBrokers: ['k1:9092', 'k2:9092'] },
      jwt: { algorithm: 'HS256', secret: SECRET, generated: false, issuer: 'https://id.example.com', audience: ['ledger', 'portal'] },
      portalAllowedOrigins: ['https://app.example.com', 'https://admin.example.com'],
      rateLimit: { max: 50, windowMs: 10_000 },
    });
  });

  it('accepts an RS256 public key, with escaped newlines as some env files write them', () => {
    const pem = rsaPublicKeyPem(2048).replace(/\n/g, '\\n');
    expect(loadPlatformConfig({ LEDGER_JWT_PUBLIC_KEY: pem }).jwt.algorithm).toBe('RS256');
  });

  it('refuses HS256 and RS256 keys together', () => {
    expect(problemsOf({ LEDGER_JWT_SECRET: SECRET, LEDGER_JWT_PUBLIC_KEY: rsaPublicKeyPem(2048) })[0]).toMatch(/not both/);
  });

  it('refuses a weak RSA key', () => {
    expect(problemsOf({ LEDGER_JWT_PUBLIC_KEY: rsaPublicKeyPem(1024) })).toEqual([expect.stringMatching(/at least 2048 bits/)]);
  });

  it('requires a JWT key when server adapters are configured', () => {
    expect(problemsOf({ MONGO_URL: 'mongodb://db:27017' })[0]).toMatch(/LEDGER_JWT_SECRET or LEDGER_JWT_PUBLIC_KEY is required/);
  });

  it('lists every malformed variable in one readable message, without echoing secrets', () => {
    const problems = problemsOf({ PORT: 'abc', KAFKA_BROKERS: 'nohost', LEDGER_JWT_SECRET: 'short-secret', LEDGER_TEST_CLOCK: 'yes' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['KAFKA_BROKERS', 'LEDGER_JWT_SECRET', 'LEDGER_TEST_CLOCK', 'PORT']);
    expect(problems.join('\n')).not.toContain('short-secret');
  });

  it('refuses allowed origins that carry a path', () => {
    expect(problemsOf({ LEDGER_PORTAL_ALLOWED_ORIGINS: 'https://app.example.com/settings' })[0]).toMatch(/not a bare origin/);
  });

  it('treats blank variables as unset', () => {
    expect(loadPlatformConfig({ PORT: '', LEDGER_JWT_SECRET: '  ' }).port).toBe(3000);
  });
});
