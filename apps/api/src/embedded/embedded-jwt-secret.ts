import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JWT_SECRET_FILE = 'jwt.secret';
const SERVER_VARIABLES = ['KURRENTDB_URL', 'MONGO_URL', 'KAFKA_BROKERS'] as const;
const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

const readSecret = (file: string): string => {
  if ((statSync(file).mode & 0o077) !== 0) throw new Error(`${file} is readable by group or others; chmod 600 it`);
  return readFileSync(file, 'utf8').trim();
};

/** Created atomically (temp file + hard link) so two processes starting together agree on one secret. */
const createSecret = (dataDir: string, file: string): string => {
  mkdirSync(dataDir, { recursive: true });
  const temp = join(dataDir, `.${JWT_SECRET_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(temp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return readSecret(file);
};

/**
 * Embedded mode with no JWT key configured: the HS256 secret lives in `<dataDir>/jwt.secret`
 * (mode 0600, created on first start), like the master key, so tokens printed at start keep
 * working after a restart. With a configured key, or any server adapter, the env is returned as is
 * (the platform config then insists on a configured key).
 */
export function withEmbeddedJwtSecret(env: NodeJS.ProcessEnv, dataDir: string): NodeJS.ProcessEnv {
  const configured = isSet(env.LEDGER_JWT_SECRET) || isSet(env.LEDGER_JWT_PUBLIC_KEY);
  if (configured || SERVER_VARIABLES.some((name) => isSet(env[name]))) return env;
  const file = join(dataDir, JWT_SECRET_FILE);
  let secret: string;
  try {
    secret = readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    secret = createSecret(dataDir, file);
  }
  return { ...env, LEDGER_JWT_SECRET: secret };
}
