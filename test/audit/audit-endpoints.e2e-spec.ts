import { AuditLedger, bearer } from './support/audit-ledger';
import { runE1E7 } from './support/scenarios';

const ACCOUNT = 'acct-audit';
const GENESIS = '0'.repeat(64);

describe('audit endpoints: auth, raw events (JSON and NDJSON), provenance', () => {
  let ledger: AuditLedger;
  let logs: Record<string, string>;
  let auditor: string;

  beforeAll(async () => {
    ledger = await AuditLedger.start();
    logs = await runE1E7(ledger, ACCOUNT);
    auditor = await ledger.auditor();
  });
  afterAll(() => ledger.close());

  it.each([
    `/audit/v1/accounts/${ACCOUNT}/events`,
    `/audit/v1/accounts/${ACCOUNT}/plan`,
    `/audit/v1/accounts/${ACCOUNT}/billing-logs`,
    `/audit/v1/accounts/${ACCOUNT}/verify`,
  ])('%s: 401 without a token, 403 for a customer or admin token', async (path) => {
    expect((await ledger.api.get(path)).statusCode).toBe(401);
    expect((await ledger.api.get(path, await bearer(ACCOUNT, 'customer'))).statusCode).toBe(403);
    expect((await ledger.api.get(path, await bearer('ops', 'admin'))).statusCode).toBe(403);
    expect((await ledger.api.get(path, auditor)).statusCode).toBe(200);
  });

  it('refuses malformed parameters with 400 and unknown ids with 404', async () => {
    expect((await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/plan?asOf=yesterday`, auditor)).json()).toMatchObject({ errorCode: 'ValidationError' });
    expect((await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events?limit=0`, auditor)).statusCode).toBe(400);
    expect((await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events?offset=3`, auditor)).statusCode).toBe(400);
    expect((await ledger.api.get('/audit/v1/billing-logs/not-a-log/provenance', auditor)).statusCode).toBe(400);
    expect((await ledger.api.get('/audit/v1/billing-logs/CRMSBL260423091530123SBL00000000/provenance', auditor)).statusCode).toBe(404);
    expect((await ledger.api.get('/audit/v1/accounts/nobody/verify', auditor)).statusCode).toBe(404);
  });

  it('pages the raw events with their metadata and hash links', async () => {
    const first = (await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events?limit=2`, auditor)).json();
    expect(first).toMatchObject({ accountId: ACCOUNT, fromRevision: 0, limit: 2, nextRevision: 2 });
    expect(first.events.map((event: { type: string }) => event.type)).toEqual(['PaymentMethodUpdated.v1', 'SubscriptionUpgraded.v1']);
    expect(first.events[0]).toMatchObject({ revision: 0, position: expect.stringMatching(/^\d+\/\d+$/), metadata: { prevHash: GENESIS, hash: expect.stringMatching(/^[0-9a-f]{64}$/), commandType: 'PAYMENT_METHOD_UPDATE' } });
    expect(first.events[1].metadata.prevHash).toBe(first.events[0].metadata.hash);
    const rest = (await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events?fromRevision=2`, auditor)).json();
    expect(rest.events.map((event: { revision: number }) => event.revision)).toEqual([2, 3, 4]);
    expect(rest.nextRevision).toBeNull();
    expect(rest.events[2]).toMatchObject({ type: 'CommandRejected.v1', data: { code: 'REFUND_EXCEEDS_REMAINDER' } });
  });

  it('streams the same events as NDJSON when asked', async () => {
    const response = await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events`, auditor, { accept: 'application/x-ndjson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body.trimEnd().split('\n').map((line) => JSON.parse(line));
    const json = (await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events`, auditor)).json();
    expect(lines).toEqual(json.events);
    const tail = await ledger.api.get(`/audit/v1/accounts/${ACCOUNT}/events?fromRevision=3&limit=1`, auditor, { accept: 'application/x-ndjson' });
    expect(tail.body.trimEnd().split('\n').map((line) => JSON.parse(line).revision)).toEqual([3]);
  });

  it('traces E1 to its event, chain links, calculation and catalog prices', async () => {
    const provenance = (await ledger.api.get(`/audit/v1/billing-logs/${logs.e1}/provenance`, auditor)).json();
    expect(provenance).toMatchObject({ logId: logs.e1, accountId: ACCOUNT, log: { totalCharge: 73_332 }, readModelDifferences: [] });
    expect(provenance.events.map((event: { role: string; type: string; revision: number }) => [event.role, event.type, event.revision])).toEqual([
      ['source', 'SubscriptionUpgraded.v1', 2],
      ['refund', 'RefundIssued.v1', 3],
    ]);
    expect(provenance.events[0]).toMatchObject({ chainIntact: true, prevHash: expect.stringMatching(/^[0-9a-f]{64}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/), position: expect.any(String) });
    expect(provenance.calculation).toMatchObject({
      steps: expect.arrayContaining(['(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666']),
      amounts: { chargeAmount: 66_666, refundAmount: 0, subtotal: 66_666, taxAmount: 6_666, totalCharge: 73_332 },
    });
    expect(provenance.catalog).toEqual({ catalogVersion: '2026-01', currentCatalogVersion: '2026-01', prices: { 'charge.fromMonthlyPrice': 49_000, 'charge.toMonthlyPrice': 99_000 } });
  });

  it('traces a refund back to the charge it refunds', async () => {
    const provenance = (await ledger.api.get(`/audit/v1/billing-logs/${logs.e7}/provenance`, auditor)).json();
    expect(provenance.events.map((event: { role: string; revision: number }) => [event.role, event.revision])).toEqual([
      ['source', 3],
      ['refunded-charge', 2],
    ]);
    expect(provenance.calculation.amounts).toMatchObject({ refundAmount: 10_000, totalCharge: 0 });
    expect(provenance.calculation.steps.join('\n')).toContain('9,091');
  });
});
