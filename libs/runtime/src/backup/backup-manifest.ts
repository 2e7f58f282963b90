import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export const BACKUP_FORMAT = 'billing-ledger-backup/v1';
export const MANIFEST_FILE = 'manifest.json';

export interface BackedUpFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** What a backup directory holds, so a restore can prove it copies back exactly what was taken. */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  readonly events: number;
  readonly accounts: number;
  /** The last event's global position in the backup ("commit/prepare"), null for an empty store. */
  readonly head: string | null;
  readonly chainsIntact: boolean;
  readonly files: readonly BackedUpFile[];
}

export class BackupRefusedError extends Error {}

export async function describeFile(dir: string, name: string): Promise<BackedUpFile> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(join(dir, name)), hash);
  return { name, bytes: statSync(join(dir, name)).size, sha256: hash.digest('hex') };
}

export function readManifest(dir: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupRefusedError(`${dir} holds no readable ${MANIFEST_FILE}: ${(error as Error).message}`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupRefusedError(`${dir}: unknown backup format ${JSON.stringify(manifest.format)}`);
  return manifest;
}

/** Every file listed with the size and SHA-256 it had when the backup was taken. */
export async function checkManifestFiles(dir: string, manifest: BackupManifest): Promise<void> {
  for (const expected of manifest.files) {
    const actual = await describeFile(dir, expected.name).catch((error: Error) => {
      throw new BackupRefusedError(`${expected.name}: ${error.message}`);
    });
    if (actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) {
      throw new BackupRefusedError(`${expected.name} differs from the manifest (sha256 ${actual.sha256}, expected ${expected.sha256})`);
    }
  }
}
