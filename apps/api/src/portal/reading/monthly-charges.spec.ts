import type { BillingLog } from '@ledger/domain';
import { monthlyCharges } from './monthly-charges';

const log = (actionDate: string, totalCharge: number | null, chargeAmount: number): BillingLog => ({ actionDate, totalCharge, chargeAmount }) as BillingLog;

describe('monthlyCharges', () => {
  it('covers the 12 KST months ending with the current one, oldest first, summing charges per month', () => {
    const charges = monthlyCharges(
      [
        log('2026-03-31T15:00:00.000Z', 41_800, 38_000), // 2026-04-01 00:00 KST: April
        log('2026-04-23T00:15:30.123Z', 31_972, 29_066),
        log('2025-12-10T01:00:00.000Z', null, 55_000), // legacy: the recorded charge
        log('2025-04-30T14:59:59.999Z', 99_999, 99_999), // April 2025 KST: outside the 12 months
      ],
      '2026-04-23T00:15:30.123Z',
    );
    expect(charges.map((charge) => charge.period)).toEqual([
      '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04',
    ]);
    expect(charges.find((charge) => charge.period === '2026-04')?.amount).toBe(73_772);
    expect(charges.find((charge) => charge.period === '2025-12')?.amount).toBe(55_000);
    expect(charges.reduce((sum, charge) => sum + charge.amount, 0)).toBe(128_772);
  });
});
