import { BILLING_LOG_FIELDS, PUBLIC_BILLING_LOG_FIELDS } from '@ledger/domain';
import type { SandboxPaymentGateway } from '@ledger/payments';
import { envelope, kst, VISA_DECLINED, VISA_OK } from './support/envelopes';
import { LedgerApiHarness, READ_STORE_MODES, bearer } from './support/ledger-api-harness';

const E1_AT = '2026-04-23T00:15:30.123Z';
const LOGS = '/crm-core/v1/plans/me/billing-logs';

describe.each(READ_STORE_MODES)('worked examples E1–E9 through POST /internal/v1/commands with the %s (e2e)', (_mode, options) => {
  let api: LedgerApiHarness;
  beforeAll(async () => {
    api = await LedgerApiHarness.start(options());
  });
  afterAll(() => api.close());

  const detail = async (accountId: string, logId: string) => {
    const response = await api.get(`${LOGS}/${logId}`, await bearer(accountId, 'customer'));
    expect(response.statusCode).toBe(200);
    const log = response.json();
    expect(Object.keys(log).sort()).toEqual([...BILLING_LOG_FIELDS].sort());
    return log;
  };
  const subscribe = async (accountId: string, tier: string, seatCount: number, at: string): Promise<string> => {
    await api.accept(accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK, at);
    return (await api.accept(accountId, 'UPGRADE', { toTier: tier, seatCount }, at))[0];
  };

  describe('E1, E7 and E9 on one account', () => {
    const account = 'acct-e1';
    const e1Envelope = envelope(account, 'UPGRADE', { toTier: 'ENTERPRISE' }, E1_AT, { commandId: 'e1-upgrade' });
    let e1LogId: string;

    beforeAll(async () => {
      await subscribe(account, 'PRO', 5, kst('2026-04-01 10:00:00.000'));
      api.at(E1_AT);
      const outcome = (await api.asAdmin('POST', '/internal/v1/commands', e1Envelope)).json();
      expect(outcome).toMatchObject({ commandId: 'e1-upgrade', accountId: account, status: 'ACCEPTED', position: expect.any(String) });
      e1LogId = outcome.billingLogIds[0];
    });

    it('E1: the detail shows every number of the prorated upgrade', async () => {
      expect(e1LogId).toMatch(/^CRMSBL260423091530123SBL\d{8}$/);
      expect(await detail(account, e1LogId)).toMatchObject({
        subscriptionBillingLogId: e1LogId,
        accountId: account,
        action: 'UPGRADE',
        fromTier: 'PRO',
        toTier: 'ENTERPRISE',
        actionDate: E1_AT,
        billingPeriod: '2026-04',
        billingPeriodStart: '2026-03-31T15:00:00.000Z',
        billingPeriodEnd: '2026-04-30T14:59:59.999Z',
        daysInMonth: 30,
        daysUsed: 22,
        daysRemaining: 8,
        fromMonthlyPrice: 49_000,
        toMonthlyPrice: 99_000,
        fromDailyRate: 1633.33,
        toDailyRate: 3300,
        chargeAmount: 66_666,
        refundAmount: 0,
        seatCount: 5,
        unitPrice: 99_000,
        subtotal: 66_666,
        taxAmount: 6_666,
        totalCharge: 73_332,
        transactionId: expect.any(String),
        paymentMethodBrand: 'VISA',
        paymentMethodLast4: '4242',
        linkedSnapshotId: null,
        status: 'COMPLETED',
        processedBy: 'USER',
      });
      expect((await detail(account, e1LogId)).calculationDetails.steps).toContain('(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666');
    });

    it('E9: the same command twice is one event, one log, one charge; the second answer is DUPLICATE', async () => {
      const again = (await api.asAdmin('POST', '/internal/v1/commands', e1Envelope)).json();
      expect(again).toMatchObject({ status: 'DUPLICATE', originalStatus: 'ACCEPTED', billingLogIds: [e1LogId] });
      const charges = (api.runtime.gateway as SandboxPaymentGateway).listMovements().filter((movement) => movement.idempotencyKey === `${account}/e1-upgrade`);
      expect(charges).toHaveLength(1);
      expect(charges[0].amount).toBe(73_332);
      const events = await api.runtime.eventStore.readStream(`account-${account}`);
      expect(events.filter((event) => event.type === 'SubscriptionUpgraded.v1' && (event.metadata as { commandId?: string }).commandId === 'e1-upgrade')).toHaveLength(1);
      const list = (await api.get(LOGS, await bearer(account, 'customer'))).json();
      expect(list.billingLogs.filter((log: { subscriptionBillingLogId: string }) => log.subscriptionBillingLogId === e1LogId)).toHaveLength(1);
    });

    it('E7: a partial refund of 10,000, then a refund above the remainder is rejected', async () => {
      const [refundLogId] = await api.accept(account, 'ADMIN_REFUND', { originalLogId: e1LogId, amount: 10_000, reason: '고객 요청' }, kst('2026-04-24 10:15:00.000'));
      const refund = await detail(account, refundLogId);
      expect(refund).toMatchObject({ action: 'ADMIN_REFUND', refundAmount: 10_000, chargeAmount: 0, subtotal: 0, taxAmount: 0, totalCharge: 0, processedBy: 'ADMIN', billingPeriod: '2026-04' });
      expect(refund.calculationDetails.steps.join('\n')).toMatch(/909[\s\S]*9,091[\s\S]*63,332/);
      const over = await api.run(account, 'ADMIN_REFUND', { originalLogId: e1LogId, amount: 63_333, reason: '초과' }, kst('2026-04-24 10:20:00.000'));
      expect(over).toMatchObject({ status: 'REJECTED', errorCode: 'REFUND_EXCEEDS_REMAINDER', retryable: false });
    });
  });

  it('E2: first subscription in February', async () => {
    const logId = await subscribe('acct-e2', 'STARTER', 3, kst('2026-02-10 10:00:00.000'));
    expect(await detail('acct-e2', logId)).toMatchObject({
      fromTier: 'FREE', toTier: 'STARTER', daysInMonth: 28, daysUsed: 9, daysRemaining: 19, subtotal: 38_678, chargeAmount: 38_678, taxAmount: 3_867, totalCharge: 42_545,
    });
  });

  it('E3: seats added on the first day of the month', async () => {
    await subscribe('acct-e3-first', 'PRO', 5, kst('2026-07-01 00:00:00.000'));
    const [logId] = await api.accept('acct-e3-first', 'SEAT_ADD', { seatCount: 8 }, kst('2026-07-01 10:00:00.000'));
    expect(await detail('acct-e3-first', logId)).toMatchObject({ action: 'SEAT_ADD', daysRemaining: 31, subtotal: 147_000, taxAmount: 14_700, totalCharge: 161_700 });
  });

  it('E3, E4, E5: seats added on the last day, a renewal with overage, a downgrade applied at renewal', async () => {
    const account = 'acct-e3-e4-e5';
    const customer = await bearer(account, 'customer');
    await subscribe(account, 'PRO', 5, kst('2026-07-01 09:00:00.000'));
    const [seatAddId] = await api.accept(account, 'SEAT_ADD', { seatCount: 8 }, kst('2026-07-31 10:00:00.000'));
    expect(await detail(account, seatAddId)).toMatchObject({ daysInMonth: 31, daysRemaining: 1, seatCount: 8, subtotal: 4_741, taxAmount: 474, totalCharge: 5_215 });

    await api.accept(account, 'USAGE_RECORD', { usageId: 'july-batch', metric: 'messages', quantity: 23_456 }, kst('2026-07-31 12:00:00.000'));
    const [e4Id] = await api.accept(account, 'RENEWAL', { period: '2026-08' }, kst('2026-08-01 00:00:00.000'));
    const e4 = await detail(account, e4Id);
    expect(e4).toMatchObject({ action: 'RENEWAL', billingPeriod: '2026-08', daysInMonth: 31, daysUsed: 0, daysRemaining: 31, seatCount: 8, subtotal: 433_472, taxAmount: 43_347, totalCharge: 476_819, processedBy: 'SYSTEM' });
    const snapshot = (await api.get(`/crm-core/v1/plans/me/billing-snapshots/${e4.linkedSnapshotId}`, customer)).json();
    expect(snapshot).toMatchObject({
      id: e4.linkedSnapshotId,
      billingPeriod: '2026-07',
      tier: 'PRO',
      seatCount: 8,
      usage: { messages: 23_456 },
      overageLines: [{ metric: 'messages', included: 20_000, used: 23_456, overageUnits: 3_456, unitPrice: 12, amount: 41_472 }],
    });
    expect((await api.get('/crm-core/v1/plans/me', customer)).json()).toMatchObject({ billingPeriod: '2026-08', usage: { messages: 0 } });

    const [downgradeId] = await api.accept(account, 'DOWNGRADE_SCHEDULED', { toTier: 'STARTER' }, kst('2026-08-10 10:00:00.000'));
    await api.accept(account, 'USAGE_RECORD', { usageId: 'august-batch', metric: 'messages', quantity: 18_000 }, kst('2026-08-20 10:00:00.000'));
    const [e5Id] = await api.accept(account, 'RENEWAL', { period: '2026-09' }, kst('2026-09-01 00:00:00.000'));
    expect(await detail(account, e5Id)).toMatchObject({ fromTier: 'PRO', toTier: 'STARTER', seatCount: 8, subtotal: 152_000, taxAmount: 15_200, totalCharge: 167_200 });
    const listed = (await api.get(`${LOGS}?limit=100`, customer)).json().billingLogs.map((log: { subscriptionBillingLogId: string }) => log.subscriptionBillingLogId);
    expect(listed).toEqual(expect.arrayContaining([e5Id, e4Id, seatAddId]));
    expect(listed).not.toContain(downgradeId);
  });

  it('E6: upgrade on a leap day', async () => {
    await subscribe('acct-e6', 'STARTER', 2, kst('2028-02-10 10:00:00.000'));
    const [logId] = await api.accept('acct-e6', 'UPGRADE', { toTier: 'PRO' }, kst('2028-02-29 10:00:00.000'));
    expect(await detail('acct-e6', logId)).toMatchObject({ daysInMonth: 29, daysRemaining: 1, subtotal: 2_068, taxAmount: 206, totalCharge: 2_274 });
  });

  describe('E8: what the list shows', () => {
    const account = 'acct-e8';
    const requestTime = kst('2026-04-30 12:00:00.000');
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.oldSubscription = await subscribe(account, 'PRO', 5, kst('2025-02-10 10:00:00.000'));
      [ids.oldRenewal] = await api.accept(account, 'RENEWAL', { period: '2025-03' }, kst('2025-03-01 00:00:00.000'));
      [ids.cancelScheduled] = await api.accept(account, 'CANCEL_SCHEDULED', {}, kst('2025-03-05 10:00:00.000'));
      [ids.canceled] = await api.accept(account, 'RENEWAL', { period: '2025-04' }, kst('2025-04-01 00:00:00.000'));
      // E1's starting point (PRO, 5 seats) is itself a charge inside the window.
      [ids.subscription] = await api.accept(account, 'UPGRADE', { toTier: 'PRO', seatCount: 5 }, kst('2026-04-01 10:00:00.000'));
      [ids.legacy] = await api.accept(
        account,
        'LEGACY_LOG_IMPORT',
        { action: 'MONTHLY_PAYMENT', actionDate: kst('2025-12-05 10:00:00.000'), chargeAmount: 55_000, refundAmount: 0, description: '2025년 12월 이용료', transactionId: 'legacy-tx-1' },
        kst('2026-04-02 10:00:00.000'),
      );
      [ids.trialStarted] = await api.accept(account, 'TRIAL_START', { trialTier: 'ENTERPRISE', trialDays: 7, onExpiry: 'REVERT' }, kst('2026-04-03 10:00:00.000'));
      await api.accept(account, 'PAYMENT_METHOD_UPDATE', VISA_DECLINED, kst('2026-04-10 11:00:00.000'));
      const declined = await api.run(account, 'SEAT_ADD', { seatCount: 6 }, kst('2026-04-10 11:05:00.000'));
      expect(declined).toMatchObject({ status: 'REJECTED', errorCode: 'PAYMENT_DECLINED' });
      [ids.paymentFailed] = declined.billingLogIds;
      await api.accept(account, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2026-04-10 11:10:00.000'));
      [ids.e1] = await api.accept(account, 'UPGRADE', { toTier: 'ENTERPRISE' }, E1_AT);
      [ids.downgrade] = await api.accept(account, 'DOWNGRADE_SCHEDULED', { toTier: 'PRO' }, kst('2026-04-24 10:00:00.000'));
      api.at(requestTime);
    });

    it('lists E1 and the legacy log (after the subscription E1 starts from), newest first, 18 fields each', async () => {
      const body = (await api.get(LOGS, await bearer(account, 'customer'))).json();
      expect(body.billingLogs.map((log: { subscriptionBillingLogId: string }) => log.subscriptionBillingLogId)).toEqual([ids.e1, ids.subscription, ids.legacy]);
      expect(body).toMatchObject({ totalCount: 3, limit: 20, offset: 0 });
      for (const item of body.billingLogs) expect(Object.keys(item).sort()).toEqual([...PUBLIC_BILLING_LOG_FIELDS].sort());
      expect(body.billingLogs[0]).toMatchObject({ action: 'UPGRADE', chargeAmount: 66_666, totalCharge: 73_332 });
      expect(body.billingLogs[2]).toMatchObject({ action: 'MONTHLY_PAYMENT', chargeAmount: 55_000, subtotal: null, taxAmount: null, totalCharge: null, billingPeriod: '2025-12' });
    });

    it.each(['paymentFailed', 'oldRenewal', 'oldSubscription', 'downgrade', 'trialStarted', 'cancelScheduled', 'canceled'])('answers 404 for the detail of %s', async (name) => {
      expect(ids[name]).toMatch(/^CRMSBL\d{15}SBL\d{8}$/);
      const response = await api.get(`${LOGS}/${ids[name]}`, await bearer(account, 'customer'));
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ errorCode: 'NotFound' });
    });
  });
});
