import { type ExportFormat, type ExportManifest, exportBillingLogs } from '@ledger/audit';
import type { ReadStore } from '@ledger/read-store';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';

export interface ExportCommandOptions {
  readonly from: string;
  readonly to: string;
  readonly format: ExportFormat;
  readonly outDir: string;
  readonly accountIds?: readonly string[];
}

export const renderManifest = (manifest: ExportManifest, outDir: string): string =>
  [
    `export ${manifest.format} of billing logs ${manifest.from} … ${manifest.to} into ${outDir}`,
    ...manifest.files.map(
      ({ file, rows, sha256, totals }) =>
        `  ${file}: ${rows} rows, sha256 ${sha256}\n  totalCharge ${totals.totalCharge}, legacy ${totals.legacyChargeAmount}, refunds ${totals.refundAmount}, net ${totals.net}`,
    ),
  ].join('\n');

/** `ledger export --from --to --format csv|ndjson [--out dir]`: the file plus `<file>.manifest.json`. */
export async function exportCommand(readStore: ReadStore, options: ExportCommandOptions, io: CliIo): Promise<ExitCode> {
  const progress = io.progress('exporting');
  const manifest = await exportBillingLogs(readStore, { ...options, onRow: (rows) => progress.update(rows, rows) });
  progress.stop();
  report(io, manifest, () => renderManifest(manifest, options.outDir));
  return EXIT.OK;
}
