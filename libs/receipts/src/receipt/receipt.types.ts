import type { BillingLogInput, BillingSnapshotInput } from './receipt-input.types';

/** 공급자: the business issuing the receipt. */
export interface Supplier {
  readonly name: string;
  readonly representative: string;
  readonly businessRegistrationNumber: string;
  readonly address: string;
}

/** 공급받는자: the customer account the log belongs to. */
export interface Customer {
  readonly accountId: string;
  readonly name: string | null;
}

/**
 * ITEM lines add up to SUBTOTAL; SUBTOTAL + VAT = TOTAL. A legacy log (no VAT split recorded)
 * has a single TOTAL line.
 */
export type ReceiptLineKind = 'ITEM' | 'SUBTOTAL' | 'VAT' | 'TOTAL';

export interface ReceiptLine {
  readonly kind: ReceiptLineKind;
  readonly label: string;
  /** The calculation a customer can redo by hand, e.g. `(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666`. */
  readonly detail: string | null;
  /** Integer KRW, never negative: a refund receipt is recognised by its log's action. */
  readonly amount: number;
}

export interface ReceiptRefund {
  readonly id: string;
  readonly date: string;
  readonly amount: number;
}

export interface Receipt<
  L extends BillingLogInput = BillingLogInput,
  S extends BillingSnapshotInput = BillingSnapshotInput,
> {
  readonly receiptNumber: string;
  readonly issuedAt: string;
  readonly supplier: Supplier;
  readonly customer: Customer;
  readonly log: L;
  readonly snapshot: S | null;
  readonly lines: readonly ReceiptLine[];
  readonly refunds: readonly ReceiptRefund[];
}
