import type { Command, PaymentInProgress } from '@ledger/domain';
import { systemClock, type Clock } from '../clock/clock';

/**
 * How a payment keeps other writers off its account between the decision that priced it and the
 * append that records it (design.md "Payments across processes"):
 * - `store-lock`: the event store holds the stream across processes (`EventStore.exclusively`,
 *   SQLite's `stream_locks`), and every other process's append waits for it;
 * - `events`: a `PaymentStarted.v1` appended at the decided revision is the hold. Appends are
 *   conditional on the revision, so a writer that decided before the hold fails and re-reads, and
 *   one that reads the hold waits for the payment's outcome or for `holdUntil`. Needs nothing from
 *   the store but optimistic concurrency, so it holds on KurrentDB with any number of nodes.
 */
export type PaymentHoldMode = 'store-lock' | 'events';

export interface PaymentHoldOptions {
  /** Default: `store-lock` where the store has `exclusively`, else `events`. */
  readonly mode?: PaymentHoldMode;
  /** How long other writers wait for a held payment's outcome before going on without it. */
  readonly holdMs?: number;
  /** Wall clock for holds; never the business clock (a test clock may stand still or jump). */
  readonly clock?: Clock;
}

/**
 * Two minutes: far above a gateway call's timeout, so only a dead or hung holder lets it lapse, and
 * above a Kafka session timeout, so the redelivery of a command whose holder died usually resumes
 * its own hold (same idempotency key) before anyone else may write.
 */
export const DEFAULT_PAYMENT_HOLD_MS = 120_000;

/** Another command's payment holds the account; retry after it ends or at `until`. */
export class AccountHeldError extends Error {
  constructor(
    readonly accountId: string,
    readonly holder: string,
    readonly until: number,
  ) {
    super(`Account ${accountId}: payment of command ${holder} in progress until ${new Date(until).toISOString()}`);
    this.name = 'AccountHeldError';
  }
}

export class PaymentHolds {
  readonly mode: PaymentHoldMode;
  private readonly holdMs: number;
  private readonly clock: Clock;

  constructor(storeCanLock: boolean, options: PaymentHoldOptions = {}) {
    this.mode = options.mode ?? (storeCanLock ? 'store-lock' : 'events');
    if (this.mode === 'store-lock' && !storeCanLock) throw new Error('store-lock payment holds need an event store with `exclusively`');
    this.holdMs = options.holdMs ?? DEFAULT_PAYMENT_HOLD_MS;
    this.clock = options.clock ?? systemClock;
  }

  get byEvents(): boolean {
    return this.mode === 'events';
  }

  /** When a hold taken now lapses (ISO, wall clock). */
  holdUntil(): string {
    return new Date(this.clock.now().getTime() + this.holdMs).toISOString();
  }

  /** Throws while another command's payment holds the account (a command may always resume its own). */
  assertFree(command: Command, inProgress: PaymentInProgress | null): void {
    if (!this.byEvents || inProgress === null || inProgress.commandId === command.commandId) return;
    const until = Date.parse(inProgress.holdUntil);
    if (this.clock.now().getTime() < until) throw new AccountHeldError(command.accountId, inProgress.commandId, until);
  }

  /** Waits a little before the account is read again: the holder usually finishes within one gateway call. */
  async waitFor(held: AccountHeldError): Promise<void> {
    const untilLapse = held.until - this.clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(untilLapse, 25))));
  }
}
