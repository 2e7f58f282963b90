import { type BackupManifest, BackupRefusedError, backupDataDir, restoreDataDir } from '@ledger/runtime';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';

export interface EmbeddedDirs {
  readonly dataDir: string;
  /** Set when the ledger runs on KurrentDB: its files are backed up by the server's own procedure. */
  readonly kurrentdbUrl?: string;
}

const KURRENTDB_NOTE =
  'KURRENTDB_URL is set: the events live in KurrentDB, whose files are backed up by the server procedure (README "Backing up the event store"); this command copies an embedded data directory only';

const describe = (manifest: BackupManifest): string =>
  `${manifest.events} events, ${manifest.accounts} accounts, head ${manifest.head ?? '(empty)'}; files: ${manifest.files.map((file) => `${file.name} (${file.bytes} bytes, sha256 ${file.sha256.slice(0, 12)}…)`).join(', ')}`;

/** Runs a backup step, turning a refusal (non-empty target, bad manifest, KurrentDB) into exit code 3 with the reason. */
async function refusable(io: CliIo, dirs: EmbeddedDirs, step: () => Promise<ExitCode>): Promise<ExitCode> {
  if (dirs.kurrentdbUrl) {
    io.err(`ledger: ${KURRENTDB_NOTE}`);
    return EXIT.FAILURE;
  }
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof BackupRefusedError)) throw error;
    io.err(`ledger: ${error.message}`);
    return EXIT.FAILURE;
  }
}

/** `ledger backup <dir>`: a verified online copy of the embedded data directory; exit 1 when a copied chain is broken. */
export function backupCommand(dirs: EmbeddedDirs, backupDir: string, now: Date, io: CliIo): Promise<ExitCode> {
  return refusable(io, dirs, async () => {
    const progress = io.progress('verifying');
    const { manifest, verdict } = await backupDataDir({ dataDir: dirs.dataDir, backupDir, createdAt: now, onVerifyProgress: (events) => progress.update(events, events) });
    progress.stop();
    report(io, { backupDir, ...manifest, brokenChains: verdict.brokenChains }, () =>
      [
        `backup: ${verdict.intact ? 'OK' : 'TAKEN, BUT HASH CHAINS ARE BROKEN'} — ${backupDir}: ${describe(manifest)}`,
        ...verdict.brokenChains.map((chain) => `  hash chain broken: account ${chain.accountId} at revision ${chain.firstBadRevision}`),
      ].join('\n'),
    );
    return verdict.intact ? EXIT.OK : EXIT.FINDINGS;
  });
}

/** `ledger restore <dir>`: checks the backup against its manifest and copies it into an empty data directory. */
export function restoreCommand(dirs: EmbeddedDirs, backupDir: string, io: CliIo): Promise<ExitCode> {
  return refusable(io, dirs, async () => {
    const manifest = await restoreDataDir(backupDir, dirs.dataDir);
    report(io, { dataDir: dirs.dataDir, ...manifest }, () => `restore: OK — ${dirs.dataDir} from the backup of ${manifest.createdAt}: ${describe(manifest)}`);
    return EXIT.OK;
  });
}
