/**
 * The payment gateway port. Every money movement carries an idempotency key (the ledger uses
 * the commandId): the same key returns the first result and never moves money twice.
 * Amounts are integer KRW, VAT included (what the card is actually charged).
 */

export interface ChargeRequest {
  readonly idempotencyKey: string;
  /** Opaque billing key as stored by the ledger (already unsealed by the caller). */
  readonly billingKey: string;
  readonly amount: number;
  readonly accountId: string;
  readonly description: string;
}

export interface RefundRequest {
  readonly idempotencyKey: string;
  /** Transaction id of the original charge. */
  readonly transactionId: string;
  readonly amount: number;
  readonly reason: string;
}

export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'invalid_billing_key' | 'refund_exceeds_charge' | 'unknown_transaction';

export type PaymentResult =
  | { readonly status: 'succeeded'; readonly transactionId: string; readonly amount: number; readonly processedAt: string }
  | { readonly status: 'declined'; readonly declineCode: DeclineCode; readonly message: string };

export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<PaymentResult>;
  refund(request: RefundRequest): Promise<PaymentResult>;
  close(): Promise<void>;
}

/** The gateway could not be reached or timed out: the outcome is unknown, retry with the same key. */
export class GatewayUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'GatewayUnavailableError';
  }
}
