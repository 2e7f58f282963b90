import { RetryAbortedError, backoffDelay, retryWithBackoff } from './retry-with-backoff';

class Outage extends Error {}

describe('retryWithBackoff', () => {
  it('doubles the delay from the first one up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 100, 1000))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(500, 100, 1000)).toBe(1000);
  });

  it('retries retryable failures until the work succeeds, ticking while it waits', async () => {
    let calls = 0;
    const retries: number[] = [];
    let ticks = 0;
    const result = await retryWithBackoff(
      async () => {
        calls += 1;
        if (calls < 4) throw new Outage('down');
        return 'done';
      },
      {
        initialMs: 2,
        maxMs: 4,
        tickMs: 1,
        isRetryable: (error) => error instanceof Outage,
        onRetry: (_error, attempt, delayMs) => retries.push(attempt * 100 + delayMs),
        onTick: async () => {
          ticks += 1;
        },
      },
    );
    expect(result).toBe('done');
    expect(retries).toEqual([102, 204, 304]);
    expect(ticks).toBe(2 + 4 + 4);
  });

  it('rethrows an error that waiting cannot cure, at once', async () => {
    let calls = 0;
    const failing = retryWithBackoff(
      async () => {
        calls += 1;
        throw new TypeError('bug');
      },
      { initialMs: 1, maxMs: 1, isRetryable: (error) => error instanceof Outage },
    );
    await expect(failing).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });

  it('stops with RetryAbortedError when told to stop, without skipping the work', async () => {
    let running = true;
    const failing = retryWithBackoff(
      async () => {
        running = false;
        throw new Outage('down');
      },
      { initialMs: 1, maxMs: 1, isRetryable: () => true, shouldContinue: () => running },
    );
    await expect(failing).rejects.toBeInstanceOf(RetryAbortedError);
  });
});
