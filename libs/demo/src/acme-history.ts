import type { CommandPayloads, CommandType, Period, Tier } from '@ledger/domain';
import { nextPeriod, periodOf, periodStart, previousPeriod, toMillis } from '@ledger/domain';
import { DEMO_CARDS, type DemoStep, between, kstInstant } from './demo-step';

const HISTORY_MONTHS = 12;
/** Messages sent per month, oldest first; months above the tier's included messages bill overage at the next renewal. */
const MONTHLY_MESSAGES = [1_800, 3_400, 2_900, 15_200, 24_500, 18_000, 21_000, 19_500, 26_000, 17_000, 22_800, 9_000];
const REFUND_AMOUNT = 55_000;

interface Month {
  readonly accountId: string;
  readonly period: Period;
  readonly index: number;
  /** The current period ends at `now`, so its steps are spread over the time elapsed so far. */
  readonly now: string;
}

type Build = <T extends CommandType>(type: T, at: string, label: string, payload: DemoStep<T>['payload'], extra?: Partial<DemoStep<T>>) => DemoStep<T>;

const builderFor = (month: Month): Build => (type, at, label, payload, extra = {}) => ({
  at,
  accountId: month.accountId,
  commandId: `demo:${month.accountId}:${month.period}:${label}`,
  type,
  issuedBy: 'USER',
  payload,
  ...extra,
});

const isCurrent = (month: Month): boolean => month.index === HISTORY_MONTHS - 1;

/** Day-of-month instants for past months; fractions of the elapsed time for the current one. */
const dayOf = (month: Month, day: number, hour: number, fractionOfElapsed: number): string =>
  isCurrent(month) ? between(periodStart(month.period), month.now, fractionOfElapsed) : kstInstant(month.period, day, hour);

const legacyImport = (month: Month, period: Period, label: string): DemoStep<'LEGACY_LOG_IMPORT'> =>
  builderFor(month)('LEGACY_LOG_IMPORT', kstInstant(month.period, 2, 9), label, {
    action: 'RENEWAL',
    actionDate: kstInstant(period, 1, 0, 5),
    chargeAmount: 22_000,
    refundAmount: 0,
    description: `구 요금제(베이직) ${period} 월 이용료`,
    transactionId: `legacy-${month.accountId}-${period}`,
  }, { issuedBy: 'ADMIN' });

const renewal = (month: Month): DemoStep<'RENEWAL'> => ({
  at: periodStart(month.period),
  accountId: month.accountId,
  commandId: `renewal:${month.accountId}:${month.period}`,
  type: 'RENEWAL',
  issuedBy: 'SYSTEM',
  payload: { period: month.period },
});

const usage = (month: Month): DemoStep[] => {
  const build = builderFor(month);
  const messages = MONTHLY_MESSAGES[month.index];
  const firstPart = Math.round(messages * 0.6);
  const record = (label: string, metric: 'messages' | 'contacts', quantity: number): CommandPayloads['USAGE_RECORD'] => ({
    usageId: `demo:${month.accountId}:${month.period}:${label}`,
    metric,
    quantity,
  });
  return [
    build('USAGE_RECORD', dayOf(month, 10, 18, 0.2), 'messages-1', record('messages-1', 'messages', firstPart)),
    build('USAGE_RECORD', dayOf(month, 10, 18, 0.2), 'contacts', record('contacts', 'contacts', 2_000 + month.index * 700)),
    build('USAGE_RECORD', dayOf(month, 20, 18, 0.4), 'messages-2', record('messages-2', 'messages', messages - firstPart)),
  ];
};

const upgrade = (month: Month, day: number, toTier: Tier, seatCount?: number): DemoStep => {
  const payload = seatCount === undefined ? { toTier } : { toTier, seatCount };
  return builderFor(month)('UPGRADE', kstInstant(month.period, day, 11), `upgrade-${toTier.toLowerCase()}`, payload);
};

/** The story's events besides renewals and usage, by month index (0 = eleven months ago). */
const STORY: Record<number, (month: Month) => DemoStep[]> = {
  0: (month) => [
    legacyImport(month, previousPeriod(previousPeriod(month.period)), 'legacy-1'),
    legacyImport(month, month.period, 'legacy-2'),
    builderFor(month)('PAYMENT_METHOD_UPDATE', kstInstant(month.period, 3, 10), 'card', DEMO_CARDS.approving),
    upgrade(month, 3, 'STARTER', 3),
  ],
  2: (month) => [builderFor(month)('SEAT_ADD', kstInstant(month.period, 12, 14), 'seat-add', { seatCount: 5 })],
  3: (month) => [upgrade(month, 15, 'PRO')],
  5: (month) => {
    const build = builderFor(month);
    return [
      build('PAYMENT_METHOD_UPDATE', kstInstant(month.period, 8, 10), 'card-declining', DEMO_CARDS.declining),
      build('UPGRADE', kstInstant(month.period, 8, 10, 10), 'upgrade-enterprise', { toTier: 'ENTERPRISE' }, { expectedErrorCode: 'PAYMENT_DECLINED' }),
      build('PAYMENT_METHOD_UPDATE', kstInstant(month.period, 8, 10, 20), 'card-restored', DEMO_CARDS.approving),
    ];
  },
  6: (month) => [
    builderFor(month)('ADMIN_REFUND', kstInstant(month.period, 18, 16), 'refund', (earlier) => ({
      originalLogId: earlier(renewal(month).commandId).billingLogIds[0],
      amount: REFUND_AMOUNT,
      reason: '서비스 장애 보상 (데모)',
    }), { issuedBy: 'ADMIN' }),
  ],
  7: (month) => [builderFor(month)('SEAT_ADD', kstInstant(month.period, 9, 13), 'seat-add', { seatCount: 8 })],
  8: (month) => [builderFor(month)('SEAT_REDUCE_SCHEDULED', kstInstant(month.period, 25, 15), 'seat-reduce', { seatCount: 6 })],
  11: (month) => [builderFor(month)('DOWNGRADE_SCHEDULED', between(periodStart(month.period), month.now, 0.75), 'downgrade', { toTier: 'STARTER' })],
};

const monthSteps = (month: Month): DemoStep[] => [
  ...(month.index > 0 ? [renewal(month)] : []),
  ...(STORY[month.index]?.(month) ?? []),
  ...usage(month),
];

/**
 * A year of a customer's history ending at `now`: a legacy import, the first subscription,
 * seat adds and upgrades, renewals with overage, a declined upgrade, a refund, a scheduled seat
 * reduction and, in the current period, a scheduled downgrade. Chronological; same `now`, same steps.
 */
export function acmeHistory(accountId: string, now: string): DemoStep[] {
  let period = periodOf(now);
  for (let back = 1; back < HISTORY_MONTHS; back++) period = previousPeriod(period);
  const steps: DemoStep[] = [];
  for (let index = 0; index < HISTORY_MONTHS; index++, period = nextPeriod(period)) {
    steps.push(...monthSteps({ accountId, period, index, now }));
  }
  return steps.filter((step) => toMillis(step.at) <= toMillis(now)).sort((a, b) => toMillis(a.at) - toMillis(b.at));
}
