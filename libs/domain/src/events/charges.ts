import type { Tier } from '../catalog/catalog';
import type { ProrationDays } from '../money/money';
import type { Period } from '../time/kst';
import type { UsageMetric } from '../commands/command';

/** Priced charges: everything needed to recompute and explain the amount, prices included. */
export interface UpgradeCharge {
  readonly kind: 'UPGRADE';
  readonly catalogVersion: string;
  readonly fromTier: Tier;
  readonly toTier: Tier;
  readonly fromSeats: number;
  readonly toSeats: number;
  readonly fromMonthlyPrice: number;
  readonly toMonthlyPrice: number;
  readonly proration: ProrationDays;
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly totalCharge: number;
}

export interface SeatAddCharge {
  readonly kind: 'SEAT_ADD';
  readonly catalogVersion: string;
  readonly tier: Tier;
  readonly fromSeats: number;
  readonly toSeats: number;
  readonly monthlyPrice: number;
  readonly proration: ProrationDays;
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly totalCharge: number;
}

export interface OverageLine {
  readonly metric: UsageMetric;
  readonly included: number;
  readonly used: number;
  readonly overageUnits: number;
  readonly unitPrice: number;
  readonly amount: number;
}

export interface UsageLimits {
  readonly messages: number;
  /** null = unlimited. */
  readonly contacts: number | null;
  readonly seats: number | null;
}

/** The closing period as captured at renewal (the snapshot without its id and capture time). */
export interface SnapshotContent {
  readonly billingPeriod: Period;
  readonly tier: Tier;
  readonly seatCount: number;
  readonly usage: { readonly messages: number; readonly contacts: number };
  readonly limits: UsageLimits;
  readonly overageLines: readonly OverageLine[];
  readonly baseFee: number;
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly totalCharge: number;
}

export type ScheduledChangeAction = 'SEAT_REDUCE' | 'DOWNGRADE' | 'CANCEL';

export interface ScheduledChange {
  readonly action: ScheduledChangeAction;
  readonly toTier: Tier | null;
  readonly toSeatCount: number | null;
  /** The period whose renewal applies it. */
  readonly effectivePeriod: Period;
}

export interface RenewalQuote {
  readonly kind: 'RENEWAL';
  readonly catalogVersion: string;
  readonly period: Period;
  readonly closingPeriod: Period;
  readonly fromTier: Tier;
  readonly toTier: Tier;
  readonly fromSeats: number;
  readonly toSeats: number;
  readonly fromMonthlyPrice: number;
  readonly toMonthlyPrice: number;
  readonly appliedChange: ScheduledChange | null;
  /** A downgrade clamped the seats to the new tier's maximum. */
  readonly seatsClamped: boolean;
  readonly daysInMonth: number;
  readonly baseFee: number;
  readonly overageAmount: number;
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly totalCharge: number;
  readonly snapshot: SnapshotContent;
}

export type ChargeQuote = UpgradeCharge | SeatAddCharge | RenewalQuote;
