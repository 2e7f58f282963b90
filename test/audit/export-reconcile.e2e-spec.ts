import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportManifest } from '@ledger/audit';
import { type BillingLogDocument, READ_MODELS } from '@ledger/projections';
import { exportCommand } from '../../apps/cli/src/commands/export.command';
import { parseInstant } from '../../apps/cli/src/io/cli-arguments';
import { AuditLedger, VISA_DECLINED, capturingIo, kst } from './support/audit-ledger';
import { parseCsv } from './support/parse-csv';
import { runE1E7, runE5 } from './support/scenarios';

const ACCOUNTS = ['acct-x-e1', 'acct-x-e5', 'acct-x-declined'];

describe('accounting export reconciles with the read models', () => {
  let ledger: AuditLedger;
  let outDir: string;
  const from = parseInstant('2026-04-01');
  const to = parseInstant('2026-09-01');

  beforeAll(async () => {
    ledger = await AuditLedger.start();
    await runE1E7(ledger, ACCOUNTS[0]);
    await runE5(ledger, ACCOUNTS[1]);
    await ledger.accept(ACCOUNTS[2], 'PAYMENT_METHOD_UPDATE', VISA_DECLINED, kst('2026-05-03 10:00:00.000'));
    const declined = await ledger.handle(ACCOUNTS[2], 'UPGRADE', { toTier: 'PRO', seatCount: 2 }, kst('2026-05-03 10:00:00.000'));
    expect(declined).toMatchObject({ status: 'REJECTED', errorCode: 'PAYMENT_DECLINED' });
    outDir = mkdtempSync(join(tmpdir(), 'ledger-export-'));
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  /** Net money of the same accounts and range, summed over every read-model log (plan notes and failures carry 0). */
  const readModelNet = async (): Promise<number> => {
    const logs = await ledger.runtime.readStore
      .collection<BillingLogDocument>(READ_MODELS.billingLogs)
      .find({ accountId: { $in: ACCOUNTS }, status: 'COMPLETED', actionDate: { $gte: from, $lt: to } });
    return logs.reduce((sum, log) => sum + (log.totalCharge ?? log.chargeAmount) - log.refundAmount, 0);
  };

  const exportAs = async (format: 'csv' | 'ndjson') => {
    const io = capturingIo(true);
    expect(await exportCommand(ledger.deps.readStore, { from, to, format, outDir: join(outDir, format) }, io)).toBe(0);
    const manifest = JSON.parse(io.stdout.join('')) as ExportManifest;
    const [entry] = manifest.files;
    const content = readFileSync(join(outDir, format, entry.file), 'utf8');
    expect(JSON.parse(readFileSync(join(outDir, format, `${entry.file}.manifest.json`), 'utf8'))).toEqual(manifest);
    expect(entry.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    return { entry, content };
  };

  it('CSV: sum of totalCharge minus refunds equals the read models, and the manifest matches the file', async () => {
    const { entry, content } = await exportAs('csv');
    const rows = parseCsv(content);
    expect(rows).toHaveLength(entry.rows);
    const net = rows.reduce((sum, row) => sum + Number(row.totalCharge || row.chargeAmount) - Number(row.refundAmount), 0);

    expect(net).toBe(await readModelNet());
    expect(net).toBe(entry.totals.net);
    // PRO 5 (269,500) + E1 (73,332) − E7 (10,000) + E5 account's August PRO 8 (431,200); the September renewal is outside [from, to).
    expect(entry.totals).toEqual({ totalCharge: 269_500 + 73_332 + 431_200, legacyChargeAmount: 0, refundAmount: 10_000, net: 269_500 + 73_332 + 431_200 - 10_000 });
    expect(rows.map((row) => row.action).sort()).toEqual(['ADMIN_REFUND', 'UPGRADE', 'UPGRADE', 'UPGRADE']);
  });

  it('NDJSON carries the same rows and totals', async () => {
    const csv = await exportAs('csv');
    const { entry, content } = await exportAs('ndjson');
    const rows = content.trimEnd().split('\n').map((line) => JSON.parse(line) as BillingLogDocument);
    expect(entry.rows).toBe(csv.entry.rows);
    expect(entry.totals).toEqual(csv.entry.totals);
    expect(rows.map((row) => row.subscriptionBillingLogId)).toEqual(parseCsv(csv.content).map((row) => row.subscriptionBillingLogId));
  });
});
