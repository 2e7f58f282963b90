import { addDays, comparePeriods, daysInMonth, kstDayOfMonth, kstTimestamp, minusCalendarMonths, nextPeriod, periodEnd, periodOf, periodStart, previousPeriod } from './kst';

describe('KST periods', () => {
  it('places an instant in its Asia/Seoul month', () => {
    expect(periodOf('2026-03-31T14:59:59.999Z')).toBe('2026-03');
    expect(periodOf('2026-03-31T15:00:00.000Z')).toBe('2026-04');
    expect(kstDayOfMonth('2026-04-23T00:15:30.123Z')).toBe(23);
  });

  it('gives period bounds as ISO UTC with milliseconds', () => {
    expect(periodStart('2026-04')).toBe('2026-03-31T15:00:00.000Z');
    expect(periodEnd('2026-04')).toBe('2026-04-30T14:59:59.999Z');
    expect(periodEnd('2026-12')).toBe('2026-12-31T14:59:59.999Z');
  });

  it('counts days, steps and compares periods', () => {
    expect([daysInMonth('2026-02'), daysInMonth('2028-02'), daysInMonth('2026-07'), daysInMonth('2026-04')]).toEqual([28, 29, 31, 30]);
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(comparePeriods('2026-09', '2026-10')).toBe(-1);
    expect(comparePeriods('2026-10', '2026-10')).toBe(0);
  });

  it('formats the id timestamp yyMMddHHmmssSSS in KST', () => {
    expect(kstTimestamp('2026-04-23T00:15:30.123Z')).toBe('260423091530123');
  });

  it('moves by days and calendar months', () => {
    expect(addDays('2026-04-30T15:00:00.000Z', 5)).toBe('2026-05-05T15:00:00.000Z');
    expect(minusCalendarMonths('2026-03-31T03:00:00.000Z', 1)).toBe('2026-02-28T03:00:00.000Z');
    expect(minusCalendarMonths('2026-01-15T00:00:00.000Z', 12)).toBe('2025-01-15T00:00:00.000Z');
  });
});
