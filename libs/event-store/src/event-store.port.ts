/**
 * The event store port: streams with optimistic concurrency, a global ordered log ($all),
 * and a live subscription to it. Shaped after KurrentDB's model so that its adapter stays thin;
 * the SQLite adapter reproduces the same semantics (see the contract suite in ./contract).
 */

/** Position in the global log. SQLite uses its sequence for both numbers. */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EventToAppend {
  /** UUID; appending an event id already stored in that stream at that place is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 0-based revision within its stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  /** When the store recorded it (store clock; informational only, never used in billing). */
  readonly created: Date;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start; default: start (forwards) or end (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the start. */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events strictly after this position; omit for the start. */
  readonly after?: GlobalPosition;
}

export interface AllSubscription {
  /** Stops delivery; resolves when the subscription has ended. */
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically. Throws WrongExpectedRevisionError when expectedRevision does not hold, unless
   * the batch is an idempotent retry (the same ids already stored there), which returns the original
   * result. Throws RangeError for an empty batch or an id repeated within the batch.
   */
  append(streamId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; an unknown stream yields an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every user stream in global order (system events excluded). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up then live: delivers every event after `after` in global order, one at a time;
   * the next event is delivered only after `onEvent` resolves. An error thrown by onEvent (or a
   * failure of the store) stops the subscription and is passed to onError; without onError it is
   * rethrown as an uncaught exception, so that it is never lost.
   */
  subscribeToAll(
    options: SubscribeToAllOptions,
    onEvent: (event: RecordedEvent) => Promise<void> | void,
    onError?: (error: Error) => void,
  ): AllSubscription;
  /** Position of the last event in $all, or undefined for an empty store. */
  headPosition(): Promise<GlobalPosition | undefined>;
  /**
   * Runs `work` holding the stream's lock against every other process sharing this store: another
   * holder waits, and another process's append to the stream fails with StreamLockedError until
   * the lock is released. For work with a side effect outside the store that an optimistic retry
   * cannot undo (a charge). Only adapters that several processes open directly (SQLite) have it.
   */
  exclusively?<T>(streamId: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Another process holds the stream's lock (see `exclusively`): nothing was appended; retry under the lock. */
export class StreamLockedError extends WrongExpectedRevisionError {
  constructor(streamId: string, expected: ExpectedRevision, actual: bigint | 'no_stream') {
    super(streamId, expected, actual);
    this.message = `Stream ${streamId} is locked by another process`;
    this.name = 'StreamLockedError';
  }
}

/** The store could not be reached or failed; the operation may be retried. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'EventStoreUnavailableError';
  }
}

export const positionToString = (p: GlobalPosition): string => `${p.commit}/${p.prepare}`;
export const positionFromString = (s: string): GlobalPosition => {
  const [commit, prepare] = s.split('/');
  return { commit: BigInt(commit), prepare: BigInt(prepare ?? commit) };
};
export const comparePositions = (a: GlobalPosition, b: GlobalPosition): number =>
  a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;
