import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProjectFn, type RebuildReport, readPointer } from '@ledger/audit';
import { type BillingLogDocument, READ_MODELS, projectEvent } from '@ledger/projections';
import { pollUntil } from '../infra/poll';
import { rebuildCommand } from '../../apps/cli/src/commands/rebuild.command';
import { EXIT } from '../../apps/cli/src/io/exit-codes';
import { AuditLedger, capturingIo } from './support/audit-ledger';
import { runE1E7 } from './support/scenarios';

/** The "new code": a different description text, and VAT rounded to the nearest won instead of truncated. */
const changedProjection: ProjectFn = (recorded, event, state) => {
  const documents = projectEvent(recorded, event, state);
  const billingLogs = documents.billingLogs.map((log) => ({
    ...log,
    description: `${log.description} (v2)`,
    taxAmount: log.subtotal === null ? null : Math.round(log.subtotal / 10),
  }));
  return { ...documents, billingLogs };
};

describe('blue-green rebuild with an injected projection change', () => {
  let ledger: AuditLedger;
  let logs: Record<string, string>;
  let outDir: string;

  beforeAll(async () => {
    ledger = await AuditLedger.start();
    logs = await runE1E7(ledger, 'acct-rebuild');
    outDir = mkdtempSync(join(tmpdir(), 'rebuild-report-'));
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  const rebuild = (switchLive: boolean) => rebuildCommand(ledger.runtime.eventStore, ledger.runtime.readStore, { projection: 'read-models', switchLive, outDir, project: changedProjection }, capturingIo(true));
  const servedDescription = async (logId: string): Promise<string> =>
    (await ledger.api.get(`/audit/v1/billing-logs/${logId}/provenance`, await ledger.auditor())).json().log.description;

  it('reports exactly the changed fields and keeps serving the old version without --switch', async () => {
    const before = await servedDescription(logs.e1);
    expect(await rebuild(false)).toBe(EXIT.OK);

    const report = JSON.parse(readFileSync(join(outDir, 'rebuild-v2.json'), 'utf8')) as RebuildReport;
    expect(report).toMatchObject({ liveVersion: 1, builtVersion: 2, switched: false, replayFailures: [] });
    // E1's VAT: floor(6,666.6) = 6,666 before, round = 6,667 after; the 245,000 and refund logs keep theirs.
    const changed = Object.fromEntries(report.changes.map((change) => [change.id, change.fields.map((field) => field.field)]));
    expect(changed).toEqual({ [logs.pro]: ['description'], [logs.e1]: ['description', 'taxAmount'], [logs.e7]: ['description'] });
    expect(report.changes.every((change) => change.collection === READ_MODELS.billingLogs && change.kind === 'changed')).toBe(true);
    expect(report.amountChanges).toEqual([{ collection: 'billingLogs', id: logs.e1, field: 'taxAmount', current: 6_666, replayed: 6_667 }]);
    expect(readFileSync(join(outDir, 'rebuild-v2.txt'), 'utf8')).toContain(`amount billingLogs/${logs.e1} taxAmount: 6666 → 6667`);

    expect(await servedDescription(logs.e1)).toBe(before);
    expect((await readPointer(ledger.runtime.readStore)).live).toBe(1);
    const built = await ledger.runtime.readStore.collection<BillingLogDocument>(`${READ_MODELS.billingLogs}__v2`).get(logs.e1);
    expect(built).toMatchObject({ description: `${before} (v2)`, taxAmount: 6_667 });
  });

  it('--switch flips the pointer: the api serves the new version and the old one is kept', async () => {
    const old = await servedDescription(logs.e1);
    expect(await rebuild(true)).toBe(EXIT.OK);
    expect(await readPointer(ledger.runtime.readStore)).toMatchObject({ live: 2, previous: 1 });

    await pollUntil(
      async () => {
        if ((await servedDescription(logs.e1)) !== `${old} (v2)`) throw new Error('still the old version');
      },
      { what: 'the api serving version 2', timeoutMs: 5000, intervalMs: 100 },
    );
    const kept = await ledger.runtime.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs).get(logs.e1);
    expect(kept).toMatchObject({ description: old, taxAmount: 6_666 });
  });

  it('refuses an unknown projection name', async () => {
    const io = capturingIo(false);
    expect(await rebuildCommand(ledger.runtime.eventStore, ledger.runtime.readStore, { projection: 'invoices', switchLive: false, outDir }, io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('')).toContain('Unknown projection invoices');
  });
});
