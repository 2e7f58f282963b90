import fc from 'fast-check';
import { BILLING_LOG_ACTIONS, type BillingLog, compareNewestFirst, customerWindowStart, isCustomerVisible } from '@ledger/domain';
import { MemoryReadStore } from '@ledger/read-store';
import { customerVisibleLogFilter, NEWEST_FIRST } from './customer-billing-logs';

type LogDocument = BillingLog & { readonly _id: string };

const ACCOUNT = 'acct-filter';
const REQUEST_TIME = '2026-04-30T03:00:00.000Z';
const MONTH_MS = 31 * 24 * 3600 * 1000;
const windowStartMs = Date.parse(customerWindowStart(REQUEST_TIME));
const requestMs = Date.parse(REQUEST_TIME);

/** Instants around both edges of the window, the edges themselves and 1 ms either side included. */
const actionDate = fc
  .oneof(
    fc.constantFrom(windowStartMs - 1, windowStartMs, windowStartMs + 1, requestMs - 1, requestMs, requestMs + 1),
    fc.integer({ min: windowStartMs - 2 * MONTH_MS, max: requestMs + MONTH_MS }),
  )
  .map((ms) => new Date(ms).toISOString());
const amount = fc.constantFrom(0, 1, 66_666, -5);

const randomLog = fc.record({
  accountId: fc.constantFrom(ACCOUNT, 'acct-other'),
  status: fc.constantFrom('COMPLETED' as const, 'FAILED' as const),
  action: fc.constantFrom(...BILLING_LOG_ACTIONS, 'MONTHLY_PAYMENT'),
  actionDate,
  chargeAmount: amount,
  refundAmount: amount,
  totalCharge: fc.option(amount),
  digits: fc.integer({ min: 0, max: 99_999_999 }),
});

type RandomLog = typeof randomLog extends fc.Arbitrary<infer T> ? T : never;

function toLog(random: RandomLog, index: number): LogDocument {
  const id = `CRMSBL260101000000000SBL${String((random.digits + index) % 100_000_000).padStart(8, '0')}`;
  return {
    _id: id,
    subscriptionBillingLogId: id,
    accountId: random.accountId,
    action: random.action,
    fromTier: 'PRO',
    toTier: 'PRO',
    actionDate: random.actionDate,
    billingPeriod: '2026-04',
    billingPeriodStart: '2026-03-31T15:00:00.000Z',
    billingPeriodEnd: '2026-04-30T14:59:59.999Z',
    daysInMonth: null,
    daysUsed: null,
    daysRemaining: null,
    fromMonthlyPrice: null,
    toMonthlyPrice: null,
    fromDailyRate: null,
    toDailyRate: null,
    chargeAmount: random.chargeAmount,
    refundAmount: random.refundAmount,
    seatCount: null,
    unitPrice: null,
    subtotal: null,
    taxAmount: null,
    totalCharge: random.totalCharge,
    transactionId: null,
    paymentMethodBrand: null,
    paymentMethodLast4: null,
    linkedSnapshotId: null,
    calculationDetails: { description: '', steps: [] },
    status: random.status,
    processedBy: 'USER',
    description: '',
    dateCreated: random.actionDate,
  };
}

describe('customerVisibleLogFilter', () => {
  it('selects exactly the logs isCustomerVisible accepts, in compareNewestFirst order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomLog, { maxLength: 40 }), async (randoms) => {
        const logs = new Map(randoms.map((random, index) => toLog(random, index)).map((log) => [log._id, log]));
        const store = new MemoryReadStore();
        const collection = store.collection<LogDocument>('billingLogs');
        await collection.upsertMany([...logs.values()].map((doc) => ({ doc, position: { commit: 1n, prepare: 1n } })));

        const found = await collection.find(customerVisibleLogFilter(ACCOUNT, REQUEST_TIME), { sort: NEWEST_FIRST });
        const expected = [...logs.values()].filter((log) => log.accountId === ACCOUNT && isCustomerVisible(log, REQUEST_TIME)).sort(compareNewestFirst);
        expect(found.map((log) => log._id)).toEqual(expected.map((log) => log._id));
        expect(await collection.count(customerVisibleLogFilter(ACCOUNT, REQUEST_TIME))).toBe(expected.length);
        await store.close();
      }),
      { numRuns: 200 },
    );
  });
});
