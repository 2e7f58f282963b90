/**
 * A subscription whose handler fails must never fail silently: a projector that quietly stops
 * would leave read models stale with no sign of it. Without an onError the failure becomes an
 * uncaught exception, so the process crashes and its supervisor restarts it from its checkpoint.
 */
export function reportSubscriptionFailure(error: unknown, onError: ((error: Error) => void) | undefined): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  if (onError) {
    onError(failure);
    return;
  }
  queueMicrotask(() => {
    throw failure;
  });
}
