import type { StoreVerification } from '@ledger/audit';
import { verifyCommand } from '../../apps/cli/src/commands/verify.command';
import { EXIT } from '../../apps/cli/src/io/exit-codes';
import { AuditLedger, VISA_OK, capturingIo, kst } from './support/audit-ledger';
import { deleteEvent, editData, swapEvents, tamperWith } from './support/tamper';

const E1_AT = '2026-04-23T00:15:30.123Z';
const STREAM = 'account-acct-t';

describe('verify names the tampered account and revision (CLI function and endpoint)', () => {
  let ledger: AuditLedger;
  let e1LogId: string;

  beforeEach(async () => {
    ledger = await AuditLedger.start();
    await ledger.accept('acct-t', 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-01 10:00:00.000'));
    await ledger.accept('acct-t', 'UPGRADE', { toTier: 'PRO', seatCount: 5 }, kst('2026-04-01 10:00:00.000'));
    [e1LogId] = await ledger.accept('acct-t', 'UPGRADE', { toTier: 'ENTERPRISE' }, E1_AT);
    await ledger.accept('acct-t', 'DOWNGRADE_SCHEDULED', { toTier: 'PRO' }, kst('2026-04-24 10:00:00.000'));
    await ledger.accept('acct-clean', 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-02 10:00:00.000'));
    await ledger.accept('acct-clean', 'UPGRADE', { toTier: 'STARTER', seatCount: 2 }, kst('2026-04-02 10:00:00.000'));
  });
  afterEach(() => ledger.close());

  const cliVerify = async () => {
    const json = capturingIo(true);
    const exitCode = await verifyCommand(ledger.deps, json);
    const text = capturingIo(false);
    await verifyCommand(ledger.deps, text);
    return { exitCode, result: JSON.parse(json.stdout.join('')) as StoreVerification, text: text.stdout.join('\n') };
  };
  const endpointVerify = async (accountId: string) => {
    const response = await ledger.api.get(`/audit/v1/accounts/${accountId}/verify`, await ledger.auditor());
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('an untouched store verifies clean', async () => {
    const { exitCode, result, text } = await cliVerify();
    expect(exitCode).toBe(EXIT.OK);
    expect(result).toMatchObject({ ok: true, accounts: 2, brokenChains: [], replayFailures: [], differences: [] });
    expect(text).toMatch(/^verify: OK — 2 accounts/);
    expect(await endpointVerify('acct-t')).toMatchObject({ ok: true, chain: { intact: true, events: 4, firstBadRevision: null }, readModels: { differences: [] } });
  });

  // The total and the calculation line that shows it are derived from the edited field.
  const tamperedTotal = () => ({
    collection: 'billingLogs',
    id: e1LogId,
    kind: 'changed',
    fields: [
      { field: 'calculationDetails', current: expect.objectContaining({ steps: expect.arrayContaining(['합계: 66,666 + 6,666 = 73,332']) }), replayed: expect.objectContaining({ steps: expect.arrayContaining(['합계: 66,666 + 6,666 = 1']) }) },
      { field: 'totalCharge', current: 73_332, replayed: 1 },
    ],
  });

  it('edited event data: the revision, and the read-model field that no longer matches', async () => {
    tamperWith(ledger.eventsFile, editData(STREAM, 2, '$.charge.totalCharge', 1));

    const { exitCode, result, text } = await cliVerify();
    expect(exitCode).toBe(EXIT.FINDINGS);
    expect(result.brokenChains).toEqual([expect.objectContaining({ accountId: 'acct-t', firstBadRevision: 2 })]);
    expect(result.differences).toEqual([tamperedTotal()]);
    expect(text).toContain('hash chain broken: account acct-t at revision 2');

    const verdict = await endpointVerify('acct-t');
    expect(verdict).toMatchObject({ ok: false, chain: { intact: false, firstBadRevision: 2 } });
    expect(verdict.readModels.differences).toEqual([tamperedTotal()]);
    expect(await endpointVerify('acct-clean')).toMatchObject({ ok: true });
  });

  it('a deleted event', async () => {
    tamperWith(ledger.eventsFile, deleteEvent(STREAM, 2));

    const { exitCode, result } = await cliVerify();
    expect(exitCode).toBe(EXIT.FINDINGS);
    expect(result.brokenChains).toEqual([expect.objectContaining({ accountId: 'acct-t', firstBadRevision: 2 })]);
    const verdict = await endpointVerify('acct-t');
    expect(verdict).toMatchObject({ ok: false, chain: { firstBadRevision: 2, events: 3 } });
    expect(verdict.readModels.differences).toContainEqual(expect.objectContaining({ collection: 'billingLogs', id: e1LogId, kind: 'unexpected' }));
  });

  it('two events swapped', async () => {
    tamperWith(ledger.eventsFile, swapEvents(STREAM, 1, 2));

    const { exitCode, result } = await cliVerify();
    expect(exitCode).toBe(EXIT.FINDINGS);
    expect(result.brokenChains).toEqual([expect.objectContaining({ accountId: 'acct-t', firstBadRevision: 1 })]);
    expect(await endpointVerify('acct-t')).toMatchObject({ ok: false, chain: { firstBadRevision: 1 } });
    expect(await endpointVerify('acct-clean')).toMatchObject({ ok: true });
  });
});
