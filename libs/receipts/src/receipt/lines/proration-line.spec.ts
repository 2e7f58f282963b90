import { e1UpgradeLog } from '../../testing/billing-log.fixtures';
import type { BillingLogInput } from '../receipt-input.types';
import { prorationLine } from './proration-line';

function prorated(overrides: Partial<BillingLogInput>): BillingLogInput {
  return { ...e1UpgradeLog, ...overrides };
}

describe('prorationLine recovers the previous seat count for the formula', () => {
  it('E2: FREE (1 seat) → STARTER 3 seats in February', () => {
    const log = prorated({ fromTier: 'FREE', toTier: 'STARTER', fromMonthlyPrice: 0, toMonthlyPrice: 19_000, seatCount: 3, daysInMonth: 28, daysRemaining: 19, subtotal: 38_678 });
    expect(prorationLine(log).detail).toBe('(19,000 × 3 − 0 × 1) × 19 / 28 = 38,678');
  });

  it('E3: SEAT_ADD PRO 5 → 8 on the last day of July', () => {
    const log = prorated({ action: 'SEAT_ADD', fromTier: 'PRO', toTier: 'PRO', fromMonthlyPrice: 49_000, toMonthlyPrice: 49_000, seatCount: 8, daysInMonth: 31, daysRemaining: 1, subtotal: 4_741 });
    expect(prorationLine(log)).toMatchObject({ label: '인원 추가 일할 계산 (PRO, 8석)', detail: '49,000 × (8 − 5) × 1 / 31 = 4,741', amount: 4_741 });
  });

  it('E6: STARTER 2 → PRO on a leap day', () => {
    const log = prorated({ fromTier: 'STARTER', toTier: 'PRO', fromMonthlyPrice: 19_000, toMonthlyPrice: 49_000, seatCount: 2, daysInMonth: 29, daysRemaining: 1, subtotal: 2_068 });
    expect(prorationLine(log).detail).toBe('(49,000 × 2 − 19,000 × 2) × 1 / 29 = 2,068');
  });

  it('falls back to the log’s own last calculation step when no seat count explains the subtotal', () => {
    expect(prorationLine(prorated({ subtotal: 12_345 })).detail).toBe('(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666');
  });
});
