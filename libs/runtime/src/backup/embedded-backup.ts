import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AllChainsVerdict, verifyAllChains } from '@ledger/audit';
import { openSqliteEventStore, positionToString, snapshotSqliteFile } from '@ledger/event-store';
import { EMBEDDED_FILES } from '../embedded-files';
import { BACKUP_FORMAT, type BackupManifest, BackupRefusedError, MANIFEST_FILE, checkManifestFiles, describeFile, readManifest } from './backup-manifest';

export interface BackupOptions {
  readonly dataDir: string;
  readonly backupDir: string;
  readonly createdAt: Date;
  readonly onVerifyProgress?: (events: number) => void;
}

const isEmptyOrMissing = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Online backup of an embedded data directory while the api and workers keep running. The events
 * are copied BEFORE the gateway's state: every charge an event refers to is then in the copy (a
 * charge whose event came later is answered again by its idempotency key after a restore). The
 * copy's hash chains are verified before the manifest is written, so a backup that exists is sound.
 */
export async function backupDataDir(options: BackupOptions): Promise<{ manifest: BackupManifest; verdict: AllChainsVerdict }> {
  const { dataDir, backupDir } = options;
  if (!existsSync(join(dataDir, EMBEDDED_FILES.events))) throw new BackupRefusedError(`${dataDir} holds no ${EMBEDDED_FILES.events}`);
  if (!isEmptyOrMissing(backupDir)) throw new BackupRefusedError(`${backupDir} is not empty`);
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });

  snapshotSqliteFile(join(dataDir, EMBEDDED_FILES.events), join(backupDir, EMBEDDED_FILES.events));
  const names: string[] = [EMBEDDED_FILES.events];
  if (existsSync(join(dataDir, EMBEDDED_FILES.gateway))) {
    snapshotSqliteFile(join(dataDir, EMBEDDED_FILES.gateway), join(backupDir, EMBEDDED_FILES.gateway));
    names.push(EMBEDDED_FILES.gateway);
  }
  if (existsSync(join(dataDir, EMBEDDED_FILES.masterKey))) {
    copyFileSync(join(dataDir, EMBEDDED_FILES.masterKey), join(backupDir, EMBEDDED_FILES.masterKey));
    chmodSync(join(backupDir, EMBEDDED_FILES.masterKey), 0o600);
    names.push(EMBEDDED_FILES.masterKey);
  }

  const verdict = await verifyCopy(join(backupDir, EMBEDDED_FILES.events), options.onVerifyProgress);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: options.createdAt.toISOString(),
    events: verdict.events,
    accounts: verdict.accounts,
    head: verdict.head ? positionToString(verdict.head) : null,
    chainsIntact: verdict.intact,
    files: await Promise.all(names.map((name) => describeFile(backupDir, name))),
  };
  writeFileSync(join(backupDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { manifest, verdict };
}

async function verifyCopy(file: string, onProgress?: (events: number) => void): Promise<AllChainsVerdict> {
  const store = openSqliteEventStore({ file });
  try {
    return await verifyAllChains(store, onProgress);
  } finally {
    await store.close();
    // Opening the copy left WAL files beside it; closing checkpointed them into the file.
    for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

/**
 * Copies a backup into an empty data directory (the processes using it stopped), after checking every
 * file against the manifest. Read models are not restored: the api projects them at start (memory)
 * and `ledger rebuild` rebuilds them in MongoDB.
 */
export async function restoreDataDir(backupDir: string, dataDir: string): Promise<BackupManifest> {
  const manifest = readManifest(backupDir);
  await checkManifestFiles(backupDir, manifest);
  const present = Object.values(EMBEDDED_FILES).filter((name) => existsSync(join(dataDir, name)));
  if (present.length > 0) throw new BackupRefusedError(`${dataDir} already holds ${present.join(', ')}: restore only into an empty data directory`);
  mkdirSync(dataDir, { recursive: true });
  for (const file of manifest.files) copyFileSync(join(backupDir, file.name), join(dataDir, file.name));
  if (manifest.files.some((file) => file.name === EMBEDDED_FILES.masterKey)) chmodSync(join(dataDir, EMBEDDED_FILES.masterKey), 0o600);
  return manifest;
}
