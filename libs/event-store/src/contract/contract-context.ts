import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent } from '../event-store.port';

/**
 * What every contract test gets. Streams are named uniquely per test so that the suite also
 * runs against a shared, non-empty KurrentDB; $all assertions only look at the test's own streams.
 */
export interface ContractContext {
  store(): EventStore;
  /** A stream name no other test (or run) uses. */
  newStream(label?: string): string;
}

export const newEvent = (type = 'ThingHappened.v1', data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { schema: 1 },
});

export const newEvents = (count: number, type?: string): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

export const ids = (events: readonly { id: string }[]): string[] => events.map((event) => event.id);

export const inStreams =
  (...streamIds: string[]) =>
  (event: RecordedEvent): boolean =>
    streamIds.includes(event.streamId);

export interface EventuallyOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/** Polls an assertion until it passes or the deadline expires (then rethrows its last failure). */
export async function eventually(assertion: () => void | Promise<void>, options: EventuallyOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 10 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() >= deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
