import {
  StreamLockedError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '../event-store.port';
import type { SqliteQueries } from './sqlite-queries';
import { sqlitePosition } from './sqlite-queries';

export function expectationHolds(expected: ExpectedRevision, current: bigint | undefined): boolean {
  if (typeof expected === 'bigint') {
    return current === expected;
  }
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default: {
      const unreachable: never = expected;
      throw new TypeError(`Unknown expected revision ${String(unreachable)}`);
    }
  }
}

/** Would `expected` have held when the stored events were first appended at `firstRevision`? */
function retryMatchesExpectation(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'stream_exists') {
    return true; // the stream exists now because of those very events
  }
  return expectationHolds(expected, firstRevision === 0n ? undefined : firstRevision - 1n);
}

/**
 * KurrentDB's idempotency: when the batch is exactly what is already stored (same ids, in order,
 * at revisions the expectation allows), answer with the original result. Any other overlap with
 * stored ids is a conflict, never a silent partial write.
 */
function findIdempotentRetry(
  queries: SqliteQueries,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): { stored: RecordedEvent[] } | { overlaps: boolean } {
  const first = queries.findEvent(streamId, events[0].id);
  if (!first) {
    return { overlaps: events.slice(1).some((event) => queries.findEvent(streamId, event.id) !== undefined) };
  }
  const stored = queries.readStreamForwards(streamId, first.revision, events.length);
  const sameEvents = stored.length === events.length && stored.every((event, index) => event.id === events[index].id);
  return sameEvents && retryMatchesExpectation(expected, first.revision) ? { stored } : { overlaps: true };
}

export interface AppendClock {
  now(): Date;
}

/**
 * Runs inside an IMMEDIATE transaction: the check and the inserts see one consistent stream, and a
 * stream another process holds (`lockedByOther`) cannot change under its holder.
 */
export function appendInTransaction(
  queries: SqliteQueries,
  clock: AppendClock,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  lockedByOther: (streamId: string) => boolean,
): AppendResult {
  const current = queries.lastRevision(streamId);
  const retry = findIdempotentRetry(queries, streamId, events, expected);
  if ('stored' in retry) {
    const last = retry.stored[retry.stored.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }
  if (lockedByOther(streamId)) {
    throw new StreamLockedError(streamId, expected, current ?? 'no_stream');
  }
  if (retry.overlaps || !expectationHolds(expected, current)) {
    throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
  }
  const created = clock.now().toISOString();
  const firstRevision = current === undefined ? 0n : current + 1n;
  let position = 0n;
  events.forEach((event, index) => {
    position = queries.insert({
      streamId,
      revision: firstRevision + BigInt(index),
      eventId: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      created,
    });
  });
  return { nextExpectedRevision: firstRevision + BigInt(events.length - 1), position: sqlitePosition(position) };
}
