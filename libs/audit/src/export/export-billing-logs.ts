import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { type BillingLogDocument, READ_MODELS } from '@ledger/projections';
import type { Filter, ReadStore } from '@ledger/read-store';
import { type ExportFormat, csvHeader, csvRow, ndjsonRow } from './export-format';

export interface ExportOptions {
  /** Inclusive, ISO instant (actionDate). */
  readonly from: string;
  /** Exclusive, ISO instant. */
  readonly to: string;
  readonly format: ExportFormat;
  readonly outDir: string;
  readonly accountIds?: readonly string[];
  readonly now?: () => Date;
  readonly onRow?: (rows: number) => void;
}

export interface ExportTotals {
  /** Sum of totalCharge (VAT included) of new logs. */
  readonly totalCharge: number;
  /** Legacy logs carry their total in chargeAmount (totalCharge is null). */
  readonly legacyChargeAmount: number;
  readonly refundAmount: number;
  /** totalCharge + legacyChargeAmount − refundAmount. */
  readonly net: number;
}

export interface ExportManifest {
  readonly from: string;
  readonly to: string;
  readonly format: ExportFormat;
  readonly generatedAt: string;
  readonly files: readonly { readonly file: string; readonly rows: number; readonly sha256: string; readonly totals: ExportTotals }[];
}

const PAGE = 500;

/** Money that moved: completed logs with a charge or a refund (failed attempts and plan notes are not accounting rows). */
const movesMoney = (log: BillingLogDocument): boolean =>
  log.status === 'COMPLETED' && ((log.totalCharge ?? 0) > 0 || log.chargeAmount > 0 || log.refundAmount > 0);

async function* logsInRange(readStore: ReadStore, options: ExportOptions): AsyncGenerator<BillingLogDocument> {
  const filter: Filter = {
    status: 'COMPLETED',
    actionDate: { $gte: options.from, $lt: options.to },
    ...(options.accountIds ? { accountId: { $in: [...options.accountIds] } } : {}),
  };
  const collection = readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs);
  for (let skip = 0; ; skip += PAGE) {
    const page = await collection.find(filter, { sort: { actionDate: 1 }, skip, limit: PAGE });
    yield* page.filter(movesMoney);
    if (page.length < PAGE) return;
  }
}

/**
 * Billing logs of [from, to) for accounting, streamed to a file, with a manifest naming the file, its
 * row count, SHA-256 and totals, so the receiver can check what arrived and reconcile the sums.
 */
export async function exportBillingLogs(readStore: ReadStore, options: ExportOptions): Promise<ExportManifest> {
  mkdirSync(options.outDir, { recursive: true });
  const stamp = (iso: string) => iso.replaceAll(':', '').replaceAll('.', '');
  const file = `billing-logs_${stamp(options.from)}_${stamp(options.to)}.${options.format}`;
  const out = createWriteStream(join(options.outDir, file));
  const hash = createHash('sha256');
  const write = async (text: string) => {
    hash.update(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  let rows = 0;
  let totalCharge = 0;
  let legacyChargeAmount = 0;
  let refundAmount = 0;
  if (options.format === 'csv') await write(csvHeader());
  for await (const log of logsInRange(readStore, options)) {
    await write(options.format === 'csv' ? csvRow(log) : ndjsonRow(log));
    rows += 1;
    if (log.totalCharge === null) legacyChargeAmount += log.chargeAmount;
    else totalCharge += log.totalCharge;
    refundAmount += log.refundAmount;
    options.onRow?.(rows);
  }
  out.end();
  await once(out, 'finish');
  const manifest: ExportManifest = {
    from: options.from,
    to: options.to,
    format: options.format,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    files: [{ file, rows, sha256: hash.digest('hex'), totals: { totalCharge, legacyChargeAmount, refundAmount, net: totalCharge + legacyChargeAmount - refundAmount } }],
  };
  await writeFile(join(options.outDir, `${file}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
