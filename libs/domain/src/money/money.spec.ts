import { floorDiv, formatKrw } from './integer';
import { dailyRate, prorateSeatAdd, prorateUpgrade, prorationDays, splitRefund, withVat } from './money';

describe('money', () => {
  it('applies VAT by truncation', () => {
    expect(withVat(66_666)).toEqual({ subtotal: 66_666, taxAmount: 6_666, totalCharge: 73_332 });
    expect(withVat(0)).toEqual({ subtotal: 0, taxAmount: 0, totalCharge: 0 });
  });

  it('splits a VAT-inclusive refund', () => {
    expect(splitRefund(10_000)).toEqual({ supplyAmount: 9_091, taxAmount: 909 });
  });

  it('prorates E2, E3 and E6 exactly', () => {
    expect(prorateUpgrade({ fromMonthlyPrice: 0, fromSeats: 1, toMonthlyPrice: 19_000, toSeats: 3, days: { daysInMonth: 28, daysUsed: 9, daysRemaining: 19 } })).toBe(38_678);
    expect(prorateSeatAdd({ monthlyPrice: 49_000, fromSeats: 5, toSeats: 8, days: { daysInMonth: 31, daysUsed: 30, daysRemaining: 1 } })).toBe(4_741);
    expect(prorateUpgrade({ fromMonthlyPrice: 19_000, fromSeats: 2, toMonthlyPrice: 49_000, toSeats: 2, days: prorationDays('2028-02-29T04:00:00.000Z') })).toBe(2_068);
  });

  it('charges the action day: day d of D leaves D − d + 1 days', () => {
    expect(prorationDays('2026-04-23T00:15:30.123Z')).toEqual({ daysInMonth: 30, daysUsed: 22, daysRemaining: 8 });
  });

  it('rounds daily rates to 2 decimals for display', () => {
    expect([dailyRate(49_000, 30), dailyRate(99_000, 30), dailyRate(49_000, 31), dailyRate(19_000, 28)]).toEqual([1633.33, 3300, 1580.65, 678.57]);
  });

  it('floors exact fractions and formats won', () => {
    expect(floorDiv(7, 2)).toBe(3);
    expect(floorDiv(-7, 2)).toBe(-4);
    expect(floorDiv(2 ** 52 + 1, 3)).toBe(Number((2n ** 52n + 1n) / 3n));
    expect([formatKrw(66_666), formatKrw(1_000_000), formatKrw(0), formatKrw(-1_234)]).toEqual(['66,666', '1,000,000', '0', '-1,234']);
  });
});
