import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_ENV = 'LEDGER_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';

export class InvalidMasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMasterKeyError';
  }
}

export interface MasterKey {
  readonly key: Buffer;
  readonly source: 'env' | 'file' | 'generated';
  /** The key file, when the key came from or went to one. */
  readonly path?: string;
}

/** 32 bytes as 64 hex digits or base64 (standard or URL-safe). */
export function decodeMasterKey(encoded: string, origin: string): Buffer {
  const text = encoded.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text)
      ? Buffer.from(text, 'base64')
      : undefined;
  if (key?.length !== MASTER_KEY_BYTES) {
    throw new InvalidMasterKeyError(`${origin} must be ${MASTER_KEY_BYTES} bytes as 64 hex digits or base64`);
  }
  return key;
}

export interface LoadMasterKeyOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Embedded mode only: with servers the key must be provided, never invented on one node. */
  readonly allowGenerate?: boolean;
}

/** LEDGER_MASTER_KEY if set; otherwise `<dataDir>/master.key`, generated (mode 0600) on first start. */
export function loadOrCreateMasterKey(dataDir: string, options: LoadMasterKeyOptions = {}): MasterKey {
  const fromEnv = (options.env ?? process.env)[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { key: decodeMasterKey(fromEnv, MASTER_KEY_ENV), source: 'env' };

  const path = join(dataDir, MASTER_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return { key: existing, source: 'file', path };
  if (options.allowGenerate === false) throw new InvalidMasterKeyError(`${MASTER_KEY_ENV} is not set and ${path} does not exist`);

  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  if (publishKeyFile(path, key)) return { key, source: 'generated', path };
  // Another process created the file first: use its key so both agree.
  return { key: readKeyFile(path)!, source: 'file', path };
}

function readKeyFile(path: string): Buffer | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) !== 0) throw new InvalidMasterKeyError(`${path} is readable by other users; run chmod 600 ${path}`);
  return decodeMasterKey(readFileSync(path, 'utf8'), path);
}

/** Writes a temp file and hard-links it into place: the key file appears complete or not at all, never overwritten. */
function publishKeyFile(path: string, key: Buffer): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
