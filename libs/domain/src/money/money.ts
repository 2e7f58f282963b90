import { daysInMonth, kstDayOfMonth, periodOf } from '../time/kst';
import { floorDiv } from './integer';

export interface ChargeAmounts {
  /** Supply value (공급가액), truncated to the won. */
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly totalCharge: number;
}

export interface RefundSplit {
  readonly supplyAmount: number;
  readonly taxAmount: number;
}

export interface ProrationDays {
  readonly daysInMonth: number;
  readonly daysUsed: number;
  /** The action day itself is charged. */
  readonly daysRemaining: number;
}

export const VAT_PERCENT = 10;

export const withVat = (subtotal: number): ChargeAmounts => {
  const taxAmount = floorDiv(subtotal * VAT_PERCENT, 100);
  return { subtotal, taxAmount, totalCharge: subtotal + taxAmount };
};

/** A VAT-inclusive refund R splits as tax = floor(R / 11), supply = R − tax. */
export const splitRefund = (refund: number): RefundSplit => {
  const taxAmount = floorDiv(refund, 11);
  return { supplyAmount: refund - taxAmount, taxAmount };
};

export const prorationDays = (actionDate: string): ProrationDays => {
  const total = daysInMonth(periodOf(actionDate));
  const day = kstDayOfMonth(actionDate);
  return { daysInMonth: total, daysUsed: day - 1, daysRemaining: total - day + 1 };
};

export interface UpgradeProrationInput {
  readonly fromMonthlyPrice: number;
  readonly fromSeats: number;
  readonly toMonthlyPrice: number;
  readonly toSeats: number;
  readonly days: ProrationDays;
}

export const prorateUpgrade = (input: UpgradeProrationInput): number => {
  const monthlyDifference = input.toMonthlyPrice * input.toSeats - input.fromMonthlyPrice * input.fromSeats;
  return floorDiv(monthlyDifference * input.days.daysRemaining, input.days.daysInMonth);
};

export interface SeatAddProrationInput {
  readonly monthlyPrice: number;
  readonly fromSeats: number;
  readonly toSeats: number;
  readonly days: ProrationDays;
}

export const prorateSeatAdd = (input: SeatAddProrationInput): number =>
  floorDiv(input.monthlyPrice * (input.toSeats - input.fromSeats) * input.days.daysRemaining, input.days.daysInMonth);

/** Monthly price / days, rounded half up to 2 decimals: display only, never used for amounts. */
export const dailyRate = (monthlyPrice: number, days: number): number => floorDiv(monthlyPrice * 200 + days, days * 2) / 100;
