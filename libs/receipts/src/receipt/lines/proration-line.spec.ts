import { e1UpgradeLog } from '../../testing/billing-log.fixtures';
import { ReceiptMismatchError } from '../receipt-mismatch.error';
import type { BillingLogInput } from '../receipt-input.types';
import { prorationLine } from './proration-line';

const DAYS_STEP = '일수: 2026-04-23 (KST) 기준 30일 중 사용 22일, 남은 일수 8일 (당일 포함)';
const VAT_STEPS = ['부가세: 66,666 × 10 / 100 = 6,666', '합계: 66,666 + 6,666 = 73,332'];

function prorated(overrides: Partial<BillingLogInput>, steps: readonly string[]): BillingLogInput {
  return { ...e1UpgradeLog, ...overrides, calculationDetails: { description: '일할 계산', steps } };
}

describe('prorationLine prints the proration step the domain recorded', () => {
  it('E1: picks the formula among the days and VAT steps', () => {
    const log = prorated({}, [DAYS_STEP, '(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666', ...VAT_STEPS]);
    expect(prorationLine(log)).toEqual({
      kind: 'ITEM',
      label: '요금제 변경 일할 계산 (PRO → ENTERPRISE, 5석)',
      detail: '(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666',
      amount: 66_666,
    });
  });

  it('E2: shows the previous seat count even where no guess could recover it (FREE costs 0)', () => {
    const step = '(19,000 × 3 − 0 × 1) × 19 / 28 = 38,678';
    const log = prorated({ fromTier: 'FREE', toTier: 'STARTER', fromMonthlyPrice: 0, toMonthlyPrice: 19_000, seatCount: 3, daysInMonth: 28, daysRemaining: 19, subtotal: 38_678 }, [step, '부가세: 38,678 × 10 / 100 = 3,867']);
    expect(prorationLine(log).detail).toBe(step);
  });

  it('E3: SEAT_ADD PRO 5 → 8 on the last day of July', () => {
    const step = '49,000 × (8 − 5) × 1 / 31 = 4,741';
    const log = prorated({ action: 'SEAT_ADD', fromTier: 'PRO', toTier: 'PRO', fromMonthlyPrice: 49_000, toMonthlyPrice: 49_000, seatCount: 8, daysInMonth: 31, daysRemaining: 1, subtotal: 4_741 }, [step]);
    expect(prorationLine(log)).toMatchObject({ label: '인원 추가 일할 계산 (PRO, 8석)', detail: step, amount: 4_741 });
  });

  it('E6: STARTER 2 → PRO on a leap day', () => {
    const step = '(49,000 × 2 − 19,000 × 2) × 1 / 29 = 2,068';
    const log = prorated({ fromTier: 'STARTER', toTier: 'PRO', fromMonthlyPrice: 19_000, toMonthlyPrice: 49_000, seatCount: 2, daysInMonth: 29, daysRemaining: 1, subtotal: 2_068 }, ['합계: 2,068 + 206 = 2,274', step]);
    expect(prorationLine(log).detail).toBe(step);
  });

  it('refuses a log whose steps do not contain the proration of its own subtotal', () => {
    const log = prorated({ subtotal: 12_345 }, [DAYS_STEP, '(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666']);
    expect(() => prorationLine(log)).toThrow(ReceiptMismatchError);
  });

  it('refuses a prorated log without calculation details', () => {
    // A document read back from a store is not type-checked: the line must refuse it, not crash.
    const withoutDetails = { ...e1UpgradeLog, calculationDetails: null } as unknown as typeof e1UpgradeLog;
    expect(() => prorationLine(withoutDetails)).toThrow(ReceiptMismatchError);
  });
});
