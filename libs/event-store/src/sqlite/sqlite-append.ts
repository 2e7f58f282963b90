import {
  StreamLockedError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
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

export interface AppendClock {
  now(): Date;
}

/** An event as its row stores it: data and metadata serialised when the append was requested. */
export interface SerialisedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly SerialisedEvent[];
  readonly expected: ExpectedRevision;
}

// Serialised before the append is queued: a value JSON refuses (a BigInt, a cycle) fails that append
// alone, and inside the group's transaction only the inserts can still fail.
export const serialiseEvents = (events: readonly EventToAppend[]): SerialisedEvent[] =>
  events.map((event) => ({ id: event.id, type: event.type, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) }));

/** An append after its checks: the original result of an identical retry, or where its events go. */
export type CheckedAppend = { readonly retried: AppendResult } | { readonly firstRevision: bigint };

/**
 * The append's checks, reads only (so a refused append needs no rollback), inside the group's
 * IMMEDIATE transaction: the stream cannot change under them, and a stream another process holds
 * (`lockedByOther`) is refused. KurrentDB's idempotency: when the batch is exactly what is already
 * stored (same ids, in order, at revisions the expectation allows), the original result is the
 * answer. Any other overlap with stored ids is a conflict, never a silent partial write.
 */
export function checkAppend(queries: SqliteQueries, request: AppendRequest, lockedByOther: (streamId: string) => boolean): CheckedAppend {
  const { streamId, events, expected } = request;
  const { last, stored } = queries.appendCheck(streamId, events[0].id);
  let overlaps = false;
  if (stored !== undefined) {
    const original = queries.readStreamForwards(streamId, stored, events.length);
    const sameEvents = original.length === events.length && original.every((event, index) => event.id === events[index].id);
    if (sameEvents && retryMatchesExpectation(expected, stored)) {
      const lastStored = original[original.length - 1];
      return { retried: { nextExpectedRevision: lastStored.revision, position: lastStored.position } };
    }
    overlaps = true;
  } else {
    for (let index = 1; index < events.length && !overlaps; index++) overlaps = queries.isStored(streamId, events[index].id);
  }
  if (lockedByOther(streamId)) {
    throw new StreamLockedError(streamId, expected, last ?? 'no_stream');
  }
  if (overlaps || !expectationHolds(expected, last)) {
    throw new WrongExpectedRevisionError(streamId, expected, last ?? 'no_stream');
  }
  return { firstRevision: last === undefined ? 0n : last + 1n };
}

/** The inserts of a checked append, at consecutive revisions from `firstRevision`. */
export function insertEvents(queries: SqliteQueries, request: AppendRequest, firstRevision: bigint, created: string): AppendResult {
  const { streamId, events } = request;
  let position = 0n;
  let revision = firstRevision;
  for (const event of events) {
    position = queries.insert({ streamId, revision, eventId: event.id, type: event.type, data: event.data, metadata: event.metadata, created });
    revision += 1n;
  }
  return { nextExpectedRevision: revision - 1n, position: sqlitePosition(position) };
}
