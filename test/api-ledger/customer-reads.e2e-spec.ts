import { VersionedReadStore } from '@ledger/audit';
import { customerWindowStart } from '@ledger/domain';
import { MemoryReadStore, MongoReadStore } from '@ledger/read-store';
import { kst, VISA_OK } from './support/envelopes';
import { LedgerApiHarness, READ_STORE_MODES, bearer } from './support/ledger-api-harness';

const PLAN = '/crm-core/v1/plans/me';
const LOGS = '/crm-core/v1/plans/me/billing-logs';
const idsOf = (body: { billingLogs: { subscriptionBillingLogId: string }[] }): string[] => body.billingLogs.map((log) => log.subscriptionBillingLogId);

describe.each(READ_STORE_MODES)('customer reads: plan, billing logs, 12-month window with the %s (e2e)', (_mode, options) => {
  let api: LedgerApiHarness;
  beforeAll(async () => {
    api = await LedgerApiHarness.start(options());
  });
  afterAll(() => api.close());

  it('runs on the read store it names', () => {
    const versioned = api.runtime.readStore;
    expect(versioned).toBeInstanceOf(VersionedReadStore);
    expect((versioned as VersionedReadStore).base).toBeInstanceOf(options().mongoUrl === undefined ? MemoryReadStore : MongoReadStore);
  });

  describe('GET /crm-core/v1/plans/me', () => {
    it('answers an account never seen with the FREE plan and zero usage', async () => {
      api.at(kst('2026-05-06 10:00:00.000'));
      const plan = (await api.get(PLAN, await bearer('acct-never-seen', 'customer'))).json();
      expect(plan).toMatchObject({
        accountId: 'acct-never-seen', tier: 'FREE', status: 'ACTIVE', seatCount: 1, unitPrice: 0, monthlyAmount: 0, billingPeriod: '2026-05',
        nextBillingDate: null, scheduledChange: null, usage: { messages: 0, contacts: 0 }, limits: { messages: 300, contacts: 1_000, seats: 1 }, paymentMethod: null,
      });
      expect(Object.keys(plan).filter((key) => key.startsWith('trial'))).toEqual([]);
    });

    it('shows trial* keys and the trial limits only while the trial is active, judged at the billing clock', async () => {
      const account = 'acct-trial';
      await api.accept(account, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-05-04 10:00:00.000'));
      await api.accept(account, 'UPGRADE', { toTier: 'PRO', seatCount: 2 }, kst('2026-05-04 10:00:00.000'));
      await api.accept(account, 'USAGE_RECORD', { usageId: 'u-1', metric: 'messages', quantity: 1_234 }, kst('2026-05-04 11:00:00.000'));
      await api.accept(account, 'TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' }, kst('2026-05-05 10:00:00.000'));
      const customer = await bearer(account, 'customer');

      api.at(kst('2026-05-06 10:00:00.000'));
      expect((await api.get(PLAN, customer)).json()).toMatchObject({
        tier: 'PRO', seatCount: 2, monthlyAmount: 98_000, usage: { messages: 1_234 }, limits: { messages: 100_000, contacts: null, seats: null },
        paymentMethod: { brand: 'VISA', last4: '4242' }, trialTier: 'ENTERPRISE', trialDays: 7, trialOnExpiry: 'REVERT', trialPreviousTier: 'PRO', trialExpiresAt: kst('2026-05-12 10:00:00.000'),
      });

      api.at(kst('2026-05-13 10:00:00.000'));
      const afterExpiry = (await api.get(PLAN, customer)).json();
      expect(afterExpiry).toMatchObject({ tier: 'PRO', limits: { messages: 20_000, contacts: 100_000, seats: 100 } });
      expect(Object.keys(afterExpiry).filter((key) => key.startsWith('trial'))).toEqual([]);
    });
  });

  describe('GET /crm-core/v1/plans/me/billing-logs', () => {
    const account = 'acct-pages';
    const logIds: string[] = [];
    beforeAll(async () => {
      await api.accept(account, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-06-01 09:00:00.000'));
      logIds.push(...(await api.accept(account, 'UPGRADE', { toTier: 'STARTER', seatCount: 1 }, kst('2026-06-02 09:00:00.000'))));
      for (const [day, seats] of [[3, 2], [4, 3], [5, 4]]) logIds.push(...(await api.accept(account, 'SEAT_ADD', { seatCount: seats }, kst(`2026-06-0${day} 09:00:00.000`))));
      api.at(kst('2026-06-10 09:00:00.000'));
    });

    it('pages newest first with totalCount, limit and offset', async () => {
      const customer = await bearer(account, 'customer');
      const all = (await api.get(LOGS, customer)).json();
      expect(idsOf(all)).toEqual([...logIds].reverse());
      const page = (await api.get(`${LOGS}?limit=2&offset=1`, customer)).json();
      expect(page).toMatchObject({ totalCount: 4, limit: 2, offset: 1 });
      expect(idsOf(page)).toEqual([logIds[2], logIds[1]]);
      expect(idsOf((await api.get(`${LOGS}?limit=100&offset=10000`, customer)).json())).toEqual([]);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=10001', 'offset'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit[$gt]=1', 'limit'],
      ['limit=1&limit=2', 'limit'],
      ['sort=actionDate', 'sort'],
    ])('answers 400 ValidationError naming the field for %s', async (query, field) => {
      const response = await api.get(`${LOGS}?${query}`, await bearer(account, 'customer'));
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.errorCode).toBe('ValidationError');
      expect(body.details.map((detail: { field: string }) => detail.field).join(' ')).toContain(field);
    });

    it('answers 400 for a malformed logId and 404 for another account’s log', async () => {
      const malformed = await api.get(`${LOGS}/CRMSBL123SBL1`, await bearer(account, 'customer'));
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().details[0].field).toBe('logId');
      const other = await api.get(`${LOGS}/${logIds[0]}`, await bearer('acct-someone-else', 'customer'));
      expect(other.statusCode).toBe(404);
      expect(other.json()).toStrictEqual({ errorCode: 'NotFound', errorMessage: expect.any(String) });
      expect((await api.get(`${LOGS}/CRMSBL260602090000000SBL00000000`, await bearer(account, 'customer'))).statusCode).toBe(404);
    });

    it('refuses roles other than customer (403) and no credential (401)', async () => {
      expect((await api.get(LOGS, await bearer('ops-1', 'admin'))).statusCode).toBe(403);
      expect((await api.get(LOGS)).statusCode).toBe(401);
    });
  });

  describe('the exact 12-month boundary', () => {
    const account = 'acct-boundary';
    const boundary = kst('2025-05-20 12:00:00.000');
    const requestTime = kst('2026-05-20 12:00:00.000');
    let beforeBoundary: string;
    let atBoundary: string;

    beforeAll(async () => {
      const justBefore = new Date(Date.parse(boundary) - 1).toISOString();
      await api.accept(account, 'PAYMENT_METHOD_UPDATE', VISA_OK, justBefore);
      [beforeBoundary] = await api.accept(account, 'UPGRADE', { toTier: 'STARTER', seatCount: 1 }, justBefore);
      [atBoundary] = await api.accept(account, 'SEAT_ADD', { seatCount: 2 }, boundary);
    });

    it('shows a log dated exactly at the window start and hides one 1 ms older', async () => {
      expect(customerWindowStart(requestTime)).toBe(boundary);
      api.at(requestTime);
      const customer = await bearer(account, 'customer');
      expect(idsOf((await api.get(LOGS, customer)).json())).toEqual([atBoundary]);
      expect((await api.get(`${LOGS}/${atBoundary}`, customer)).statusCode).toBe(200);
      expect((await api.get(`${LOGS}/${beforeBoundary}`, customer)).statusCode).toBe(404);
    });

    it('hides it 1 ms later', async () => {
      api.at(new Date(Date.parse(requestTime) + 1).toISOString());
      const customer = await bearer(account, 'customer');
      expect((await api.get(LOGS, customer)).json()).toMatchObject({ billingLogs: [], totalCount: 0 });
      expect((await api.get(`${LOGS}/${atBoundary}`, customer)).statusCode).toBe(404);
    });
  });
});
