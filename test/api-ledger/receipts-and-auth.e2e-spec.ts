import { randomBytes } from 'node:crypto';
import { extractPdfText } from '../../libs/receipts/src/testing/pdf-text';
import { runSeedCurlClient, runSeedNodeClient } from '../api/support/seed-clients';
import { kst, VISA_OK } from './support/envelopes';
import { LedgerApiHarness, bearer, seedHmacHeader } from './support/ledger-api-harness';

const UNAUTHORIZED = { errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' };
const ACCOUNT = 'acct-receipts';
const E1_AT = '2026-04-23T00:15:30.123Z';

describe('receipts, snapshots and customer authentication (e2e)', () => {
  let api: LedgerApiHarness;
  let key: { apiKey: string; apiSecret: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await LedgerApiHarness.start();
    key = await api.issueApiKey(ACCOUNT);
    await api.accept(ACCOUNT, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-01 10:00:00.000'));
    [ids.subscription] = await api.accept(ACCOUNT, 'UPGRADE', { toTier: 'PRO', seatCount: 5 }, kst('2026-04-01 10:00:00.000'));
    [ids.e1] = await api.accept(ACCOUNT, 'UPGRADE', { toTier: 'ENTERPRISE' }, E1_AT);
    [ids.refund] = await api.accept(ACCOUNT, 'ADMIN_REFUND', { originalLogId: ids.e1, amount: 10_000, reason: '고객 요청' }, kst('2026-04-24 10:15:00.000'));
    await api.accept(ACCOUNT, 'USAGE_RECORD', { usageId: 'april', metric: 'messages', quantity: 100_500 }, kst('2026-04-25 10:00:00.000'));
    [ids.renewal] = await api.accept(ACCOUNT, 'RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'));
    api.at(kst('2026-05-02 10:00:00.000'));
  });
  afterAll(() => api.close());

  const asCustomer = async (path: string, headers: Record<string, string> = {}) => api.get(path, await bearer(ACCOUNT, 'customer'), headers);

  describe('401 with the exact body', () => {
    it.each([
      ['no Authorization header', () => undefined],
      ['an unknown api key', () => seedHmacHeader('NCSAAAAAAAAAAAAA', key.apiSecret)],
      ['a bad signature', () => seedHmacHeader(key.apiKey, 'not-the-secret')],
      ['a date 20 minutes old', () => seedHmacHeader(key.apiKey, key.apiSecret, new Date(Date.now() - 20 * 60_000).toISOString())],
    ])('for %s', async (_label, header) => {
      for (const path of ['/crm-core/v1/plans/me', '/crm-core/v1/plans/me/billing-logs', `/crm-core/v1/plans/me/receipts/${ids.e1}`]) {
        const response = await api.get(path, header());
        expect(response.statusCode).toBe(401);
        expect(response.json()).toStrictEqual(UNAUTHORIZED);
      }
    });

    it('for a reused salt', async () => {
      const header = seedHmacHeader(key.apiKey, key.apiSecret, new Date().toISOString(), randomBytes(16).toString('hex'));
      expect((await api.get('/crm-core/v1/plans/me', header)).statusCode).toBe(200);
      const replay = await api.get('/crm-core/v1/plans/me', header);
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toStrictEqual(UNAUTHORIZED);
    });

    it('for an expired JWT', async () => {
      const response = await api.get('/crm-core/v1/plans/me', await bearer(ACCOUNT, 'customer', Math.floor(Date.now() / 1000) - 60));
      expect(response.json()).toStrictEqual(UNAUTHORIZED);
    });
  });

  it('serves the seed’s Node and curl clients unchanged, scoped to the key’s account', async () => {
    const { status, data } = await runSeedNodeClient(key.apiKey, key.apiSecret, api.baseUrl);
    expect(status).toBe(200);
    expect(data).toMatchObject({ totalCount: 4, limit: 20, offset: 0 });
    expect((data as { billingLogs: { subscriptionBillingLogId: string }[] }).billingLogs.map((log) => log.subscriptionBillingLogId)).toEqual([ids.renewal, ids.refund, ids.e1, ids.subscription]);
    expect(await runSeedCurlClient(key.apiKey, key.apiSecret, api.baseUrl)).toMatchObject({ totalCount: 4 });
  });

  describe('GET /crm-core/v1/plans/me/billing-snapshots/:snapshotId', () => {
    it('shows the own snapshot with `id`, and 404 to another account, 400 for a malformed id', async () => {
      const { linkedSnapshotId } = (await asCustomer(`/crm-core/v1/plans/me/billing-logs/${ids.renewal}`)).json();
      const snapshot = (await asCustomer(`/crm-core/v1/plans/me/billing-snapshots/${linkedSnapshotId}`)).json();
      expect(Object.keys(snapshot).sort()).toEqual(['accountId', 'baseFee', 'billingPeriod', 'capturedAt', 'id', 'limits', 'overageLines', 'seatCount', 'subtotal', 'taxAmount', 'tier', 'totalCharge', 'usage']);
      expect(snapshot).toMatchObject({ id: linkedSnapshotId, accountId: ACCOUNT, billingPeriod: '2026-04', tier: 'ENTERPRISE', overageLines: [{ metric: 'messages', used: 100_500, overageUnits: 500, unitPrice: 9, amount: 4_500 }] });
      const other = await api.get(`/crm-core/v1/plans/me/billing-snapshots/${linkedSnapshotId}`, await bearer('acct-other', 'customer'));
      expect(other.statusCode).toBe(404);
      expect((await asCustomer('/crm-core/v1/plans/me/billing-snapshots/CRMSBS1')).statusCode).toBe(400);
    });
  });

  describe('GET /crm-core/v1/plans/me/receipts/:logId', () => {
    it('builds the JSON receipt from the log, its refunds and the proration step the domain recorded', async () => {
      const receipt = (await asCustomer(`/crm-core/v1/plans/me/receipts/${ids.e1}`)).json();
      expect(receipt).toMatchObject({
        receiptNumber: expect.stringMatching(/^R-260423091530123-\d{8}$/),
        customer: { accountId: ACCOUNT },
        log: { subscriptionBillingLogId: ids.e1, totalCharge: 73_332 },
        snapshot: null,
        refunds: [{ id: ids.refund, amount: 10_000 }],
      });
      expect(receipt.lines).toEqual([
        expect.objectContaining({ kind: 'ITEM', detail: '(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666', amount: 66_666 }),
        expect.objectContaining({ kind: 'SUBTOTAL', amount: 66_666 }),
        expect.objectContaining({ kind: 'VAT', amount: 6_666 }),
        expect.objectContaining({ kind: 'TOTAL', amount: 73_332 }),
      ]);
      expect(Object.keys(receipt.log)).toHaveLength(32);
    });

    it('links the renewal’s snapshot under `id`', async () => {
      const receipt = (await asCustomer(`/crm-core/v1/plans/me/receipts/${ids.renewal}`)).json();
      expect(receipt.snapshot).toMatchObject({ id: receipt.log.linkedSnapshotId, billingPeriod: '2026-04' });
      expect(receipt.lines.map((line: { amount: number }) => line.amount)).toEqual([495_000, 4_500, 499_500, 49_950, 549_450]);
    });

    it.each([['Accept: application/pdf', '', { accept: 'application/pdf' }], ['?format=pdf', '?format=pdf', {}]])('renders a Korean PDF with %s', async (_label, query, headers) => {
      const response = await fetch(`${api.baseUrl}/crm-core/v1/plans/me/receipts/${ids.e1}${query}`, { headers: { authorization: await bearer(ACCOUNT, 'customer'), ...headers } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="receipt-R-260423091530123-\d{8}\.pdf"$/);
      const text = await extractPdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain('영수증');
      for (const amount of ['66,666', '6,666', '73,332', '10,000']) expect(text).toContain(amount);
    });

    it('follows the detail’s 404 rules and validates the format', async () => {
      expect((await api.get(`/crm-core/v1/plans/me/receipts/${ids.e1}`, await bearer('acct-other', 'customer'))).statusCode).toBe(404);
      expect((await asCustomer('/crm-core/v1/plans/me/receipts/CRMSBL260423091530123SBL00000000')).statusCode).toBe(404);
      expect((await asCustomer(`/crm-core/v1/plans/me/receipts/${ids.e1}?format=docx`)).statusCode).toBe(400);
      api.at(kst('2027-05-02 10:00:00.000'));
      expect((await asCustomer(`/crm-core/v1/plans/me/receipts/${ids.e1}`)).statusCode).toBe(404);
      api.at(kst('2026-05-02 10:00:00.000'));
    });
  });
});
