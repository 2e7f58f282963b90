import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  GatewayUnavailableError,
  type ChargeRequest,
  type DeclineCode,
  type PaymentGateway,
  type PaymentResult,
  type RefundRequest,
} from '../payment-gateway.port';
import { GatewayStore, isTransientStorageError, type Movement, type OperationKind } from './gateway-store';
import { checkSandboxBillingKey } from './sandbox-cards';

export interface SandboxGatewayOptions {
  /** SQLite file, e.g. `<LEDGER_DATA_DIR>/gateway.sqlite`; `:memory:` for tests. */
  readonly path: string;
  readonly clock?: () => Date;
  /**
   * How long the answer takes to come back after the gateway has recorded the operation (a real
   * gateway's network leg). A crash inside this window leaves money moved that the ledger has not
   * heard of yet — the case its idempotency keys exist for; load and chaos runs widen it on purpose.
   */
  readonly responseDelayMs?: number;
}

export interface MovementTotals {
  readonly chargedAmount: number;
  readonly refundedAmount: number;
  readonly netAmount: number;
  readonly chargeCount: number;
  readonly refundCount: number;
  readonly declinedCount: number;
}

/** The same idempotency key was first used for the other kind of operation: a caller bug, never retried. */
export class IdempotencyKeyConflictError extends Error {
  constructor(idempotencyKey: string, firstKind: OperationKind) {
    super(`idempotency key ${JSON.stringify(idempotencyKey)} was already used for a ${firstKind}`);
    this.name = 'IdempotencyKeyConflictError';
  }
}

export function sandboxTransactionId(idempotencyKey: string): string {
  return `sbx_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}

function declined(declineCode: DeclineCode, message: string): PaymentResult {
  return { status: 'declined', declineCode, message };
}

function assertPositiveAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 1) throw new RangeError(`amount must be a positive integer KRW, got ${amount}`);
}

/**
 * The default payment gateway: test cards, persisted in SQLite. The first result for an
 * idempotency key (a success or a decline) is stored with the movement it caused, in one
 * transaction, so a retry — even after a restart — returns it and never moves money again.
 * A retry with a different amount still gets the first result: its `amount` is what moved.
 */
export class SandboxPaymentGateway implements PaymentGateway {
  private readonly store: GatewayStore;
  private readonly clock: () => Date;
  private readonly responseDelayMs: number;

  constructor(options: SandboxGatewayOptions) {
    this.store = new GatewayStore(options.path);
    this.clock = options.clock ?? (() => new Date());
    this.responseDelayMs = options.responseDelayMs ?? 0;
  }

  async charge(request: ChargeRequest): Promise<PaymentResult> {
    assertPositiveAmount(request.amount);
    return this.answer(
      this.once('charge', request.idempotencyKey, (processedAt) => {
        const card = checkSandboxBillingKey(request.billingKey);
        if (!card.accepted) return declined(card.declineCode, card.message);
        return this.move({ kind: 'charge', request, accountId: request.accountId, chargeTransactionId: null, processedAt });
      }),
    );
  }

  async refund(request: RefundRequest): Promise<PaymentResult> {
    assertPositiveAmount(request.amount);
    return this.answer(this.once('refund', request.idempotencyKey, (processedAt) => {
      const charge = this.store.findMovement(request.transactionId);
      if (charge?.kind !== 'charge') return declined('unknown_transaction', 'No succeeded charge has this transaction id.');
      const remainder = charge.amount - this.store.refundedAmount(charge.transactionId);
      if (request.amount > remainder) {
        return declined('refund_exceeds_charge', `The refund exceeds the refundable remainder of ${remainder} KRW.`);
      }
      return this.move({ kind: 'refund', request, accountId: charge.accountId, chargeTransactionId: charge.transactionId, processedAt });
    }));
  }

  listMovements(): Movement[] {
    return this.store.listMovements();
  }

  totals(): MovementTotals {
    const totals = { chargedAmount: 0, refundedAmount: 0, chargeCount: 0, refundCount: 0 };
    for (const movement of this.store.listMovements()) {
      if (movement.kind === 'charge') {
        totals.chargedAmount += movement.amount;
        totals.chargeCount += 1;
      } else {
        totals.refundedAmount += movement.amount;
        totals.refundCount += 1;
      }
    }
    return { ...totals, netAmount: totals.chargedAmount - totals.refundedAmount, declinedCount: this.store.countDeclines() };
  }

  async close(): Promise<void> {
    this.store.close();
  }

  private async answer(result: PaymentResult): Promise<PaymentResult> {
    if (this.responseDelayMs > 0) await delay(this.responseDelayMs);
    return result;
  }

  private once(kind: OperationKind, idempotencyKey: string, decide: (processedAt: string) => PaymentResult): PaymentResult {
    if (!this.store.isOpen) throw new GatewayUnavailableError('the sandbox gateway is closed');
    try {
      return this.store.exclusively(() => {
        const first = this.store.findOperation(idempotencyKey);
        if (first) {
          if (first.kind !== kind) throw new IdempotencyKeyConflictError(idempotencyKey, first.kind);
          return first.result;
        }
        const processedAt = this.clock().toISOString();
        const result = decide(processedAt);
        this.store.recordOperation(idempotencyKey, kind, result, processedAt);
        return result;
      });
    } catch (error) {
      // A locked or failing file is the sandbox's "network error": nothing was committed, retry with the same key.
      if (isTransientStorageError(error)) throw new GatewayUnavailableError('the sandbox gateway store is unavailable', error);
      throw error;
    }
  }

  private move(movement: {
    kind: OperationKind;
    request: ChargeRequest | RefundRequest;
    accountId: string | null;
    chargeTransactionId: string | null;
    processedAt: string;
  }): PaymentResult {
    const { request, ...rest } = movement;
    const transactionId = sandboxTransactionId(request.idempotencyKey);
    this.store.recordMovement(Object.assign(rest, { idempotencyKey: request.idempotencyKey, transactionId, amount: request.amount }));
    return { status: 'succeeded', transactionId, amount: request.amount, processedAt: movement.processedAt };
  }
}
