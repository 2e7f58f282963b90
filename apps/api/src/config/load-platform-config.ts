import { createPublicKey, randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { ApiEnvironment } from './api-environment';
import type { JwtConfig, LogLevel, PlatformConfig } from './platform-config';

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const DEFAULT_PORT = 3000;
const DEFAULT_RATE_LIMIT = { max: 300, windowMs: 60_000 };

/** Messages only: a rejected value may be a secret and must not reach the logs. */
const describe = (errors: readonly ValidationError[]): string[] =>
  errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);

const isOn = (flag: string | undefined, fallback: boolean): boolean => (flag === undefined ? fallback : flag === '1' || flag === 'true');

const withoutBlanks = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''));

const rsaKeyProblem = (pem: string): string | undefined => {
  try {
    const key = createPublicKey(pem);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return key.asymmetricKeyType === 'rsa' && bits >= 2048 ? undefined : 'LEDGER_JWT_PUBLIC_KEY must be an RSA public key of at least 2048 bits';
  } catch {
    return 'LEDGER_JWT_PUBLIC_KEY is not a readable PEM public key';
  }
};

const jwtConfigFrom = (env: ApiEnvironment, embedded: boolean, problems: string[]): JwtConfig | undefined => {
  const claims = { issuer: env.LEDGER_JWT_ISSUER, audience: env.LEDGER_JWT_AUDIENCE };
  if (env.LEDGER_JWT_SECRET !== undefined && env.LEDGER_JWT_PUBLIC_KEY !== undefined) {
    problems.push('LEDGER_JWT_SECRET and LEDGER_JWT_PUBLIC_KEY are both set: choose HS256 (secret) or RS256 (public key), not both');
    return undefined;
  }
  if (env.LEDGER_JWT_PUBLIC_KEY !== undefined) {
    const problem = rsaKeyProblem(env.LEDGER_JWT_PUBLIC_KEY);
    if (problem !== undefined) problems.push(problem);
    return { ...claims, algorithm: 'RS256', publicKeyPem: env.LEDGER_JWT_PUBLIC_KEY };
  }
  if (env.LEDGER_JWT_SECRET !== undefined) return { ...claims, algorithm: 'HS256', secret: env.LEDGER_JWT_SECRET, generated: false };
  if (!embedded) {
    problems.push('LEDGER_JWT_SECRET or LEDGER_JWT_PUBLIC_KEY is required with server adapters (every instance must verify the same tokens)');
    return undefined;
  }
  return { ...claims, algorithm: 'HS256', secret: randomBytes(32).toString('hex'), generated: true };
};

const originProblems = (origins: readonly string[] | undefined): string[] =>
  (origins ?? [])
    .filter((url) => new URL(url).origin !== url.replace(/\/+$/, ''))
    .map((url) => `LEDGER_PORTAL_ALLOWED_ORIGINS: "${url}" is not a bare origin (scheme://host[:port], no path)`);

/** Reads and validates the environment once at start; throws ConfigurationError listing every problem. */
export const loadPlatformConfig = (rawEnv: NodeJS.ProcessEnv = process.env): PlatformConfig => {
  const env = plainToInstance(ApiEnvironment, withoutBlanks(rawEnv), { excludeExtraneousValues: false });
  const problems = describe(validateSync(env, { forbidUnknownValues: false }));
  if (problems.length === 0) problems.push(...originProblems(env.LEDGER_PORTAL_ALLOWED_ORIGINS));
  const servers = { kurrentDbUrl: env.KURRENTDB_URL, mongoUrl: env.MONGO_URL, kafkaBrokers: env.KAFKA_BROKERS };
  const embedded = Object.values(servers).every((value) => value === undefined);
  const jwt = problems.length === 0 ? jwtConfigFrom(env, embedded, problems) : undefined;
  if (problems.length > 0 || jwt === undefined) throw new ConfigurationError(problems);

  const port = env.PORT ?? DEFAULT_PORT;
  const publicUrl = (env.LEDGER_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    publicUrl,
    dataDir: env.LEDGER_DATA_DIR ?? './data',
    servers,
    embedded,
    jwt,
    masterKey: env.LEDGER_MASTER_KEY,
    demo: isOn(env.LEDGER_DEMO, embedded),
    testClock: isOn(env.LEDGER_TEST_CLOCK, false),
    portalAllowedOrigins: (env.LEDGER_PORTAL_ALLOWED_ORIGINS ?? [publicUrl]).map((url) => new URL(url).origin),
    rateLimit: { max: env.LEDGER_RATE_LIMIT_MAX ?? DEFAULT_RATE_LIMIT.max, windowMs: env.LEDGER_RATE_LIMIT_WINDOW_MS ?? DEFAULT_RATE_LIMIT.windowMs },
    trustProxy: isOn(env.LEDGER_TRUST_PROXY, false),
    logLevel: (env.LEDGER_LOG_LEVEL ?? 'info') as LogLevel,
  };
};
