import { replayCommand } from '../../apps/cli/src/commands/replay.command';
import { AuditLedger, type ReadModelRecord, capturingIo, kst } from './support/audit-ledger';
import { E1_AT, E7_AT, runE1E7, runE5 } from './support/scenarios';

describe('as-of replay equals what the read models showed at the time (E1, E5, E7)', () => {
  let ledger: AuditLedger;
  const records: { accountId: string; at: string; record: ReadModelRecord }[] = [];
  let logs: Record<string, string>;

  beforeAll(async () => {
    ledger = await AuditLedger.start();
    const keep = async (accountId: string, at: string) => {
      records.push({ accountId, at, record: await ledger.record(accountId) });
    };
    logs = { ...(await runE1E7(ledger, 'acct-asof-e1', keep)), ...(await runE5(ledger, 'acct-asof-e5', keep)) };
  });
  afterAll(() => ledger.close());

  /** The read models as recorded after the last command at or before `asOf` (nothing before the first). */
  const shownAt = (accountId: string, asOf: string): ReadModelRecord =>
    records.filter((entry) => entry.accountId === accountId && Date.parse(entry.at) <= Date.parse(asOf)).at(-1)?.record ?? { planDocument: undefined, logs: [] };

  const audit = async (accountId: string, what: 'plan' | 'billing-logs', asOf: string) => {
    const response = await ledger.api.get(`/audit/v1/accounts/${accountId}/${what}?asOf=${encodeURIComponent(asOf)}`, await ledger.auditor());
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  const instants: [string, string, string][] = [
    ['acct-asof-e1', 'before any event', kst('2026-03-15 12:00:00.000')],
    ['acct-asof-e1', 'after the PRO subscription, before E1', kst('2026-04-10 12:00:00.000')],
    ['acct-asof-e1', 'at the instant of E1', E1_AT],
    ['acct-asof-e1', 'between E1 and E7', kst('2026-04-23 21:00:00.000')],
    ['acct-asof-e1', 'at E7', E7_AT],
    ['acct-asof-e1', 'after E7 and the refused refund', kst('2026-04-28 09:00:00.000')],
    ['acct-asof-e5', 'before E5 history', kst('2026-07-20 09:00:00.000')],
    ['acct-asof-e5', 'after the downgrade was scheduled', kst('2026-08-15 09:00:00.000')],
    ['acct-asof-e5', 'after August usage', kst('2026-08-25 09:00:00.000')],
    ['acct-asof-e5', 'after the E5 renewal', kst('2026-09-02 09:00:00.000')],
  ];

  it.each(instants)('%s %s', async (accountId, _label, asOf) => {
    const shown = shownAt(accountId, asOf);
    const plan = await audit(accountId, 'plan', asOf);
    const billingLogs = await audit(accountId, 'billing-logs', asOf);

    expect(plan.value).toEqual(ledger.planShownAt(accountId, shown, asOf));
    expect(billingLogs.value).toEqual(shown.logs);
  });

  it('the numbers at those instants are the worked examples', async () => {
    const betweenE1AndE7 = await audit('acct-asof-e1', 'billing-logs', kst('2026-04-23 21:00:00.000'));
    expect(betweenE1AndE7.value.map((log: { _id: string }) => log._id)).toEqual([logs.e1, logs.pro]);
    expect(betweenE1AndE7.value[0]).toMatchObject({ subtotal: 66_666, taxAmount: 6_666, totalCharge: 73_332 });
    const afterE7 = await audit('acct-asof-e1', 'billing-logs', kst('2026-04-28 09:00:00.000'));
    expect(afterE7.value[0]).toMatchObject({ _id: logs.e7, action: 'ADMIN_REFUND', refundAmount: 10_000, refundOf: logs.e1 });
    const beforeE5Renewal = await audit('acct-asof-e5', 'plan', kst('2026-08-25 09:00:00.000'));
    expect(beforeE5Renewal.value).toMatchObject({ tier: 'PRO', seatCount: 8, usage: { messages: 18_000 }, scheduledChange: { action: 'DOWNGRADE', toTier: 'STARTER' } });
    const afterE5 = await audit('acct-asof-e5', 'billing-logs', kst('2026-09-02 09:00:00.000'));
    expect(afterE5.value[0]).toMatchObject({ _id: logs.e5, action: 'RENEWAL', fromTier: 'PRO', toTier: 'STARTER', subtotal: 152_000, totalCharge: 167_200 });
    expect(afterE5.value.find((log: { _id: string }) => log._id === logs.downgrade)).toMatchObject({ action: 'DOWNGRADE_SCHEDULED', status: 'COMPLETED', totalCharge: 0 });
  });

  it('the CLI replay prints the same state as the endpoints', async () => {
    const asOf = kst('2026-04-23 21:00:00.000');
    const io = capturingIo(true);
    expect(await replayCommand(ledger.deps, { accountId: 'acct-asof-e1', until: asOf }, io)).toBe(0);
    const printed = JSON.parse(io.stdout.join(''));
    expect(printed.plan).toEqual((await audit('acct-asof-e1', 'plan', asOf)).value);
    expect(printed.billingLogs).toEqual((await audit('acct-asof-e1', 'billing-logs', asOf)).value);
    const text = capturingIo(false);
    await replayCommand(ledger.deps, { accountId: 'acct-asof-e1', until: asOf }, text);
    expect(text.stdout.join('\n')).toContain('plan: ENTERPRISE ACTIVE, 5 seats × 99,000 = 495,000 KRW/month');
  });
});
