/** Exponential backoff (doubling, capped). Deterministic: no jitter, the delays are predictable. */
export const backoffDelay = (attempt: number, initialMs: number, maxMs: number): number =>
  Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));

export interface RetryOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Errors that may heal by waiting (an outage); any other error is rethrown at once. */
  readonly isRetryable: (error: unknown) => boolean;
  /** Checked before each wait: false stops retrying (the worker is shutting down). */
  readonly shouldContinue?: () => boolean;
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Called at least every `tickMs` while waiting (e.g. a consumer heartbeat). */
  readonly onTick?: () => Promise<void>;
  readonly tickMs?: number;
}

/** Retrying stopped because the worker is stopping; the work was neither done nor skipped. */
export class RetryAbortedError extends Error {
  constructor(override readonly cause: unknown) {
    super(`Retry abandoned because the worker is stopping: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RetryAbortedError';
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` until it succeeds, waiting longer after each retryable failure; never gives up on its own. */
export async function retryWithBackoff<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!options.isRetryable(error)) throw error;
      if (options.shouldContinue && !options.shouldContinue()) throw new RetryAbortedError(error);
      const wait = backoffDelay(attempt, options.initialMs, options.maxMs);
      options.onRetry?.(error, attempt, wait);
      await waitTicking(wait, options);
    }
  }
}

async function waitTicking(ms: number, options: RetryOptions): Promise<void> {
  const tick = options.tickMs ?? 1000;
  for (let remaining = ms; remaining > 0; remaining -= tick) {
    await delay(Math.min(tick, remaining));
    await options.onTick?.();
  }
}
