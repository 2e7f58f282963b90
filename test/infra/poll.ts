// Waiting for a server: try a probe again and again until it succeeds or a deadline passes.
// Every wait in the test infrastructure goes through here, so there is no bare sleep anywhere
// and every failure says what was awaited, for how long, and the last error seen.

export interface PollOptions {
  /** What is being awaited, for the error message. */
  what: string;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Pause between attempts; small, since each attempt is cheap. */
  intervalMs?: number;
  /** Checked before each attempt: a reason to stop early (e.g. the process exited). */
  abortReason?: () => string | undefined;
  /** An error that waiting cannot cure (e.g. an incompatible server): fail at once. */
  isFatal?: (error: unknown) => boolean;
}

export async function pollUntil<T>(probe: () => Promise<T>, options: PollOptions): Promise<T> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 200;
  let lastError: unknown;
  for (;;) {
    const abort = options.abortReason?.();
    if (abort) throw new Error(`${options.what}: gave up: ${abort}`);
    try {
      return await probe();
    } catch (error) {
      if (options.isFatal?.(error)) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`${options.what}: not ready after ${Date.now() - started} ms; last error: ${detail}`);
    }
    await delay(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
