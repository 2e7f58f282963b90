import { isIsoInstant } from './field-rules';

describe('isIsoInstant', () => {
  it.each(['2026-04-23T00:15:30.123Z', '2026-04-23T09:15:30+09:00', '2028-02-29T00:00Z', '2026-12-31T23:59:59.999999999-05:30'])('accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    '2026-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-04-23T24:00:00Z',
    '2026-04-23T23:60:00Z',
    '2026-04-23T23:59:60Z',
    '2026-04-23T00:15:30',
    '2026-04-23',
    '2026-04-23 00:15:30Z',
    '2026-04-23T00:15:30+24:00',
    ' 2026-04-23T00:15:30Z',
    '',
    1_776_903_330_123,
    null,
  ])('refuses %j', (value) => {
    expect(isIsoInstant(value)).toBe(false);
  });

  it('agrees with Date on every instant it accepts', () => {
    for (let day = 0; day < 800; day += 1) {
      const iso = new Date(Date.UTC(2027, 0, 1 + day, 13, 7, 9, 5)).toISOString();
      expect(isIsoInstant(iso)).toBe(true);
    }
  });
});
