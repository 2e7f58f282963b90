import { formatKrw, formatKstDate, formatKstDateTime, formatNumber } from './format';

describe('format', () => {
  it('groups integer won with commas', () => {
    expect(formatKrw(73_332)).toBe('73,332원');
    expect(formatKrw(0)).toBe('0원');
    expect(formatNumber(1_234_567)).toBe('1,234,567');
    expect(formatNumber(-10_000)).toBe('-10,000');
  });

  it('refuses fractional won', () => {
    expect(() => formatKrw(66_666.67)).toThrow(RangeError);
  });

  it('prints instants in KST', () => {
    expect(formatKstDateTime('2026-04-23T00:15:30.123Z')).toBe('2026-04-23 09:15:30');
    expect(formatKstDate('2026-04-30T14:59:59.999Z')).toBe('2026-04-30');
    expect(formatKstDate('2026-03-31T15:00:00.000Z')).toBe('2026-04-01');
  });
});
