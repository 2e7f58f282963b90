/**
 * Asia/Seoul has a fixed +09:00 offset (no DST), so KST wall-clock fields are plain arithmetic on
 * epoch millis shifted by nine hours; no Intl time zone database is needed.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM` */
export type Period = string;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface KstParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

export const toMillis = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return ms;
};

export const toIso = (ms: number): string => new Date(ms).toISOString();

export const kstParts = (iso: string): KstParts => {
  const shifted = new Date(toMillis(iso) + KST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export const isPeriod = (value: unknown): value is Period => typeof value === 'string' && PERIOD_PATTERN.test(value);

const parsePeriod = (period: Period): { year: number; month: number } => {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`Not a period (YYYY-MM): ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
};

const periodFrom = (year: number, month: number): Period => `${pad(year, 4)}-${pad(month)}`;

export const periodOf = (iso: string): Period => {
  const { year, month } = kstParts(iso);
  return periodFrom(year, month);
};

const periodStartMs = (period: Period): number => {
  const { year, month } = parsePeriod(period);
  return Date.UTC(year, month - 1, 1) - KST_OFFSET_MS;
};

export const nextPeriod = (period: Period): Period => {
  const { year, month } = parsePeriod(period);
  return month === 12 ? periodFrom(year + 1, 1) : periodFrom(year, month + 1);
};

export const previousPeriod = (period: Period): Period => {
  const { year, month } = parsePeriod(period);
  return month === 1 ? periodFrom(year - 1, 12) : periodFrom(year, month - 1);
};

export const periodStart = (period: Period): string => toIso(periodStartMs(period));

export const periodEnd = (period: Period): string => toIso(periodStartMs(nextPeriod(period)) - 1);

export const daysInMonth = (period: Period): number => {
  const { year, month } = parsePeriod(period);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
};

export const kstDayOfMonth = (iso: string): number => kstParts(iso).day;

export const comparePeriods = (a: Period, b: Period): number => (a < b ? -1 : a > b ? 1 : 0);

/** `yyMMddHHmmssSSS` in KST, as used inside billing-log and snapshot ids. */
export const kstTimestamp = (iso: string): string => {
  const p = kstParts(iso);
  return `${pad(p.year % 100)}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}${pad(p.millisecond, 3)}`;
};

/** `YYYY-MM-DD` in KST, for human-readable descriptions. */
export const kstDate = (iso: string): string => {
  const p = kstParts(iso);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
};

export const addDays = (iso: string, days: number): string => toIso(toMillis(iso) + days * DAY_MS);

export const compareInstants = (a: string, b: string): number => Math.sign(toMillis(a) - toMillis(b));

/**
 * The same KST wall-clock time `months` calendar months earlier; a day that does not exist in the
 * target month is clamped to its last day (2028-02-29 minus 12 months = 2027-02-28).
 */
export const minusCalendarMonths = (iso: string, months: number): string => {
  const p = kstParts(iso);
  const monthIndex = p.year * 12 + (p.month - 1) - months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(p.day, daysInMonth(periodFrom(year, month)));
  return toIso(Date.UTC(year, month - 1, day, p.hour, p.minute, p.second, p.millisecond) - KST_OFFSET_MS);
};
