import { billingLogsOf } from '../billing-log/derive';
import { snapshotsOf } from '../billing-log/snapshot';
import { BILLING_LOG_FIELDS, type BillingLog } from '../billing-log/billing-log';
import { planView } from '../plan/plan-view';
import { DEFAULT_CATALOG } from '../catalog/catalog';
import { ACCOUNT, command, kst, Scenario, subscribed } from '../testing/scenario.fixtures';
import type { DomainEvent } from '../events/event';
import { decide } from './decide';

const logsOf = (events: readonly DomainEvent[]): BillingLog[] => events.flatMap(billingLogsOf);
const onlyLog = (events: readonly DomainEvent[]): BillingLog => {
  const logs = logsOf(events);
  expect(logs).toHaveLength(1);
  expect(Object.keys(logs[0]).sort()).toEqual([...BILLING_LOG_FIELDS].sort());
  return logs[0];
};

const E1_AT = '2026-04-23T00:15:30.123Z';
const e1Scenario = () => {
  const scenario = subscribed('PRO', 5, kst('2026-04-01 10:00:00.000'));
  const upgrade = command('UPGRADE', { toTier: 'ENTERPRISE' }, E1_AT, { commandId: 'e1-upgrade' });
  return { scenario, upgrade };
};

describe('E1 — upgrade mid-month', () => {
  it('charges the exact prorated difference and logs all 32 fields', () => {
    const { scenario, upgrade } = e1Scenario();
    expect(kst('2026-04-23 09:15:30.123')).toBe(E1_AT);
    const decision = scenario.when(upgrade);
    expect(decision.kind).toBe('accepted');
    const log = onlyLog(scenario.events.slice(-1));
    expect(log).toEqual({
      subscriptionBillingLogId: expect.stringMatching(/^CRMSBL260423091530123SBL\d{8}$/),
      accountId: ACCOUNT,
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
      transactionId: 'tx-e1-upgrade',
      paymentMethodBrand: 'VISA',
      paymentMethodLast4: '4242',
      linkedSnapshotId: null,
      calculationDetails: {
        description: '업그레이드 일할 계산 (공급가액과 부가세는 원 미만 절사)',
        steps: [
          '일수: 2026-04-23 (KST) 기준 30일 중 사용 22일, 남은 일수 8일 (당일 포함)',
          '(99,000 \u00d7 5 \u2212 49,000 \u00d7 5) \u00d7 8 / 30 = 66,666',
          '부가세: 66,666 \u00d7 10 / 100 = 6,666',
          '합계: 66,666 + 6,666 = 73,332',
        ],
      },
      status: 'COMPLETED',
      processedBy: 'USER',
      description: 'PRO → ENTERPRISE 업그레이드 (5명, 8/30일 일할)',
      dateCreated: E1_AT,
    });
  });

  it('asks the gateway for the VAT-inclusive total with the billing key', () => {
    const { scenario, upgrade } = e1Scenario();
    const decision = decide(upgrade, scenario.state, { catalog: DEFAULT_CATALOG, actionDate: E1_AT });
    expect(decision.kind).toBe('payment');
    if (decision.kind !== 'payment') return;
    expect(decision.request).toMatchObject({ kind: 'charge', amount: 73_332, billingKey: 'sandbox:4242424242424242', idempotencyKey: 'e1-upgrade' });
  });
});

describe('E2 — first subscription in February', () => {
  it('prorates FREE → STARTER with 3 seats over a 28-day month', () => {
    const scenario = new Scenario();
    scenario.given(command('PAYMENT_METHOD_UPDATE', { billingKey: 'k', brand: 'MASTERCARD', last4: '5555' }, kst('2026-02-10 11:00:00.000')));
    scenario.given(command('UPGRADE', { toTier: 'STARTER', seatCount: 3 }, kst('2026-02-10 11:00:00.000'), { commandId: 'e2' }));
    const log = onlyLog(scenario.events.slice(-1));
    expect(log).toMatchObject({
      action: 'UPGRADE', fromTier: 'FREE', toTier: 'STARTER', billingPeriod: '2026-02',
      billingPeriodStart: '2026-01-31T15:00:00.000Z', billingPeriodEnd: '2026-02-28T14:59:59.999Z',
      daysInMonth: 28, daysUsed: 9, daysRemaining: 19, fromMonthlyPrice: 0, toMonthlyPrice: 19_000, fromDailyRate: 0, toDailyRate: 678.57,
      chargeAmount: 38_678, subtotal: 38_678, taxAmount: 3_867, totalCharge: 42_545, refundAmount: 0, seatCount: 3, unitPrice: 19_000,
      paymentMethodBrand: 'MASTERCARD', paymentMethodLast4: '5555', linkedSnapshotId: null, status: 'COMPLETED', processedBy: 'USER',
    });
    expect(log.calculationDetails.steps[1]).toBe('(19,000 \u00d7 3 \u2212 0 \u00d7 1) \u00d7 19 / 28 = 38,678');
    expect(scenario.state).toMatchObject({ tier: 'STARTER', seatCount: 3, currentPeriod: '2026-02', subscribedAt: log.actionDate });
  });
});

describe('E3 — seats added on the last and on the first day', () => {
  it.each([
    ['2026-07-31 18:00:00.000', 30, 1, 4_741, 474, 5_215],
    ['2026-07-01 00:00:00.000', 0, 31, 147_000, 14_700, 161_700],
  ])('SEAT_ADD 5 → 8 at %s', (at, daysUsed, daysRemaining, subtotal, taxAmount, totalCharge) => {
    const scenario = subscribed('PRO', 5, kst('2026-07-01 00:00:00.000'));
    scenario.given(command('SEAT_ADD', { seatCount: 8 }, kst(at)));
    const log = onlyLog(scenario.events.slice(-1));
    expect(log).toMatchObject({
      action: 'SEAT_ADD', fromTier: 'PRO', toTier: 'PRO', billingPeriod: '2026-07', daysInMonth: 31, daysUsed, daysRemaining,
      fromMonthlyPrice: 49_000, toMonthlyPrice: 49_000, fromDailyRate: 1580.65, toDailyRate: 1580.65,
      seatCount: 8, unitPrice: 49_000, chargeAmount: subtotal, subtotal, taxAmount, totalCharge, refundAmount: 0,
    });
    expect(log.calculationDetails.steps[1]).toBe(`49,000 \u00d7 (8 \u2212 5) \u00d7 ${daysRemaining} / 31 = ${subtotal.toLocaleString('en-US')}`);
  });
});

const RENEWAL_0801 = kst('2026-08-01 00:00:00.000');

describe('E4 — renewal with overage', () => {
  const scenario = subscribed('PRO', 8, kst('2026-07-01 09:00:00.000'));
  scenario.given(command('USAGE_RECORD', { usageId: 'u1', metric: 'messages', quantity: 20_000 }, kst('2026-07-15 10:00:00.000')));
  scenario.given(command('USAGE_RECORD', { usageId: 'u2', metric: 'messages', quantity: 3_456 }, kst('2026-07-31 23:59:59.999')));
  scenario.given(command('USAGE_RECORD', { usageId: 'u3', metric: 'contacts', quantity: 42_000 }, kst('2026-07-31 23:00:00.000')));
  scenario.given(command('RENEWAL', { period: '2026-08' }, RENEWAL_0801, { commandId: `renewal:${ACCOUNT}:2026-08` }));
  const renewed = scenario.events.slice(-1);
  const log = onlyLog(renewed);

  it('charges base + overage with VAT and links a snapshot', () => {
    expect(log).toEqual({
      subscriptionBillingLogId: expect.stringMatching(/^CRMSBL260801000000000SBL\d{8}$/),
      accountId: ACCOUNT,
      action: 'RENEWAL',
      fromTier: 'PRO',
      toTier: 'PRO',
      actionDate: '2026-07-31T15:00:00.000Z',
      billingPeriod: '2026-08',
      billingPeriodStart: '2026-07-31T15:00:00.000Z',
      billingPeriodEnd: '2026-08-31T14:59:59.999Z',
      daysInMonth: 31,
      daysUsed: 0,
      daysRemaining: 31,
      fromMonthlyPrice: 49_000,
      toMonthlyPrice: 49_000,
      fromDailyRate: 1580.65,
      toDailyRate: 1580.65,
      chargeAmount: 433_472,
      refundAmount: 0,
      seatCount: 8,
      unitPrice: 49_000,
      subtotal: 433_472,
      taxAmount: 43_347,
      totalCharge: 476_819,
      transactionId: `tx-renewal:${ACCOUNT}:2026-08`,
      paymentMethodBrand: 'VISA',
      paymentMethodLast4: '4242',
      linkedSnapshotId: expect.stringMatching(/^CRMSBS260801000000000SBS\d{8}$/),
      calculationDetails: {
        description: '2026-08 정기 결제 (2026-07 사용량 초과분 포함, 공급가액과 부가세는 원 미만 절사)',
        steps: [
          '기본료: 49,000 \u00d7 8 = 392,000',
          '초과 messages: (23,456 \u2212 20,000) \u00d7 12 = 41,472',
          '공급가액: 392,000 + 41,472 = 433,472',
          '부가세: 433,472 \u00d7 10 / 100 = 43,347',
          '합계: 433,472 + 43,347 = 476,819',
        ],
      },
      status: 'COMPLETED',
      processedBy: 'SYSTEM',
      description: '2026-08 PRO 정기 결제 (8명, 2026-07 초과 메시지 3,456건)',
      dateCreated: '2026-07-31T15:00:00.000Z',
    });
  });

  it('captures the closing period in the snapshot with one overage line', () => {
    const [snapshot] = renewed.flatMap(snapshotsOf);
    expect(snapshot).toEqual({
      snapshotId: log.linkedSnapshotId,
      accountId: ACCOUNT,
      billingPeriod: '2026-07',
      tier: 'PRO',
      seatCount: 8,
      usage: { messages: 23_456, contacts: 42_000 },
      limits: { messages: 20_000, contacts: 100_000, seats: 100 },
      overageLines: [{ metric: 'messages', included: 20_000, used: 23_456, overageUnits: 3_456, unitPrice: 12, amount: 41_472 }],
      baseFee: 392_000,
      subtotal: 433_472,
      taxAmount: 43_347,
      totalCharge: 476_819,
      capturedAt: RENEWAL_0801,
    });
  });

  it('starts the message counter again at 0 for 2026-08', () => {
    expect(scenario.state.currentPeriod).toBe('2026-08');
    expect(planView(scenario.state, DEFAULT_CATALOG, kst('2026-08-02 12:00:00.000')).usage).toEqual({ messages: 0, contacts: 42_000 });
  });
});

describe('E5 — scheduled downgrade applied at renewal', () => {
  it('renews PRO → STARTER at the new price, overage judged by PRO limits', () => {
    const scenario = subscribed('PRO', 8, kst('2026-08-01 09:00:00.000'));
    const scheduled = scenario.given(command('DOWNGRADE_SCHEDULED', { toTier: 'STARTER' }, kst('2026-08-12 10:00:00.000')));
    const scheduledLog = onlyLog(scheduled);
    expect(scheduledLog).toMatchObject({ action: 'DOWNGRADE_SCHEDULED', fromTier: 'PRO', toTier: 'STARTER', chargeAmount: 0, totalCharge: 0, daysInMonth: null, fromDailyRate: null });
    scenario.given(command('USAGE_RECORD', { usageId: 'u1', metric: 'messages', quantity: 18_000 }, kst('2026-08-20 10:00:00.000')));
    scenario.given(command('RENEWAL', { period: '2026-09' }, kst('2026-09-01 00:00:00.000'), { commandId: `renewal:${ACCOUNT}:2026-09` }));
    const log = onlyLog(scenario.events.slice(-1));
    expect(log).toMatchObject({
      action: 'RENEWAL', fromTier: 'PRO', toTier: 'STARTER', billingPeriod: '2026-09', daysInMonth: 30, daysUsed: 0, daysRemaining: 30,
      fromMonthlyPrice: 49_000, toMonthlyPrice: 19_000, seatCount: 8, unitPrice: 19_000,
      chargeAmount: 152_000, subtotal: 152_000, taxAmount: 15_200, totalCharge: 167_200,
    });
    expect(scenario.state).toMatchObject({ tier: 'STARTER', seatCount: 8, scheduledChange: null, unitPrice: 19_000 });
  });
});

describe('E6 — leap day', () => {
  it('prorates one day of a 29-day February', () => {
    const scenario = subscribed('STARTER', 2, kst('2028-02-01 09:00:00.000'));
    scenario.given(command('UPGRADE', { toTier: 'PRO' }, kst('2028-02-29 13:00:00.000')));
    expect(onlyLog(scenario.events.slice(-1))).toMatchObject({
      daysInMonth: 29, daysUsed: 28, daysRemaining: 1, chargeAmount: 2_068, subtotal: 2_068, taxAmount: 206, totalCharge: 2_274, seatCount: 2,
    });
  });
});

describe('E7 — partial refund', () => {
  it('refunds 10,000, tracks the remainder and refuses more than what is left', () => {
    const { scenario, upgrade } = e1Scenario();
    scenario.given(upgrade);
    const e1Log = onlyLog(scenario.events.slice(-1));
    const refundAt = kst('2026-04-25 10:00:00.000');
    scenario.given(command('ADMIN_REFUND', { originalLogId: e1Log.subscriptionBillingLogId, amount: 10_000, reason: '고객 요청' }, refundAt, { commandId: 'e7-refund' }));
    const refundLog = onlyLog(scenario.events.slice(-1));
    expect(refundLog).toEqual({
      subscriptionBillingLogId: expect.stringMatching(/^CRMSBL260425100000000SBL\d{8}$/),
      accountId: ACCOUNT,
      action: 'ADMIN_REFUND',
      fromTier: 'ENTERPRISE',
      toTier: 'ENTERPRISE',
      actionDate: refundAt,
      billingPeriod: '2026-04',
      billingPeriodStart: '2026-03-31T15:00:00.000Z',
      billingPeriodEnd: '2026-04-30T14:59:59.999Z',
      daysInMonth: null,
      daysUsed: null,
      daysRemaining: null,
      fromMonthlyPrice: 99_000,
      toMonthlyPrice: 99_000,
      fromDailyRate: null,
      toDailyRate: null,
      chargeAmount: 0,
      refundAmount: 10_000,
      seatCount: 5,
      unitPrice: 99_000,
      subtotal: 0,
      taxAmount: 0,
      totalCharge: 0,
      transactionId: 'tx-e7-refund',
      paymentMethodBrand: 'VISA',
      paymentMethodLast4: '4242',
      linkedSnapshotId: null,
      calculationDetails: {
        description: '부분 환불 (부가세 포함 금액 R: 부가세 = floor(R / 11), 공급가액 = R \u2212 부가세)',
        steps: [
          `환불 금액: 10,000 (원 결제 ${e1Log.subscriptionBillingLogId})`,
          '부가세: floor(10,000 / 11) = 909',
          '공급가액: 10,000 \u2212 909 = 9,091',
          '환불 가능 잔액: 73,332 \u2212 10,000 = 63,332',
        ],
      },
      status: 'COMPLETED',
      processedBy: 'ADMIN',
      description: '환불 10,000원 (고객 요청)',
      dateCreated: refundAt,
    });
    const charge = scenario.state.charges.get(e1Log.subscriptionBillingLogId)!;
    expect(charge.totalCharge - charge.refunded).toBe(63_332);
    const second = scenario.when(command('ADMIN_REFUND', { originalLogId: e1Log.subscriptionBillingLogId, amount: 63_333, reason: '추가' }, refundAt));
    expect(second).toMatchObject({ kind: 'rejected', violation: { code: 'REFUND_EXCEEDS_REMAINDER', retryable: false } });
  });
});

describe('E9 — the same command twice', () => {
  it('answers DUPLICATE with the original billingLogIds and appends nothing', () => {
    const { scenario, upgrade } = e1Scenario();
    scenario.given(upgrade);
    const eventCount = scenario.events.length;
    const [e1Log] = logsOf(scenario.events.slice(-1));
    const again = scenario.when(upgrade);
    expect(again).toEqual({ kind: 'duplicate', original: { status: 'ACCEPTED', billingLogIds: [e1Log.subscriptionBillingLogId] } });
    expect(scenario.events).toHaveLength(eventCount);
  });
});
