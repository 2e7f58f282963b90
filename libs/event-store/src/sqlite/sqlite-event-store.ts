import Database from 'better-sqlite3';
import {
  EventStoreUnavailableError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type GlobalPosition,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store.port';
import { assertAppendableBatch, assertMaxCount } from '../shared/append-batch';
import { GroupCommit, type AppendSettlement } from './group-commit';
import { PollingSubscription } from './polling-subscription';
import { checkAppend, insertEvents, serialiseEvents, type AppendClock, type AppendRequest, type CheckedAppend } from './sqlite-append';
import { openLockConnection, openSqliteDatabase, type SqliteDatabase } from './sqlite-database';
import { prepareQueries, sqlitePosition, type SqliteQueries } from './sqlite-queries';
import { SqliteStreamLocks, type StreamLockOptions } from './sqlite-stream-locks';

export interface SqliteEventStoreOptions {
  /** Path of the database file; parent directories are created. */
  readonly file: string;
  /** How often live subscriptions look for appends made by other processes (e.g. the CLI). */
  readonly pollIntervalMs?: number;
  readonly busyTimeoutMs?: number;
  readonly clock?: AppendClock;
  readonly locks?: StreamLockOptions;
}

// Another process holding the write lock past the busy timeout, or the disk failing: retryable.
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;

function toPortError(error: unknown): unknown {
  if (error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code)) {
    return new EventStoreUnavailableError(`SQLite event store: ${error.message}`, error);
  }
  return error;
}

/** The embedded adapter: one SQLite file, appends synchronous under the hood, the port async. */
export class SqliteEventStore implements EventStore {
  private readonly queries: SqliteQueries;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly groupCommit: GroupCommit<AppendRequest>;
  private readonly locks: SqliteStreamLocks;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly pollIntervalMs: number,
    clock: AppendClock,
    lockDb: SqliteDatabase = db,
    lockOptions: StreamLockOptions = {},
  ) {
    this.queries = prepareQueries(db);
    this.locks = new SqliteStreamLocks(lockDb, (operation) => this.guard(operation), lockOptions);
    // One transaction for the group; a refused append wrote nothing (its checks only read), so it
    // needs no SAVEPOINT of its own to be undone while the rest of the group commits.
    const appendGroup = db.transaction((requests: readonly AppendRequest[]) => {
      const created = clock.now().toISOString();
      const locked = this.streamsLockedByOthers();
      const lockedByOther = (streamId: string) => locked.has(streamId);
      return requests.map((request): AppendSettlement => {
        let checked: CheckedAppend;
        try {
          checked = checkAppend(this.queries, request, lockedByOther);
        } catch (error) {
          return { error: toPortError(error) };
        }
        // Past the checks no constraint can refuse the inserts: one failing anyway (disk full, I/O)
        // escapes, the whole group is rolled back and every append of it fails.
        return { result: 'retried' in checked ? checked.retried : insertEvents(this.queries, request, checked.firstRevision, created) };
      });
    });
    // IMMEDIATE takes the write lock before reading any stream's revision, so two processes
    // cannot both pass the expected-revision check.
    this.groupCommit = new GroupCommit(
      (requests) => this.guard(() => appendGroup.immediate(requests)),
      () => this.subscriptions.forEach((subscription) => subscription.wake()),
    );
  }

  async append(streamId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    assertAppendableBatch(streamId, events);
    return this.groupCommit.append({ streamId, events: serialiseEvents(events), expected: expectedRevision });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertMaxCount(options.maxCount);
    const direction = options.direction ?? 'forwards';
    switch (direction) {
      case 'forwards':
        return this.guard(() => this.queries.readStreamForwards(streamId, options.fromRevision, options.maxCount));
      case 'backwards':
        return this.guard(() => this.queries.readStreamBackwards(streamId, options.fromRevision, options.maxCount));
      default: {
        const unreachable: never = direction;
        throw new TypeError(`Unknown read direction ${String(unreachable)}`);
      }
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertMaxCount(options.maxCount);
    return this.guard(() => this.queries.readAllAfter(options.after?.commit ?? 0n, options.maxCount));
  }

  subscribeToAll(
    options: SubscribeToAllOptions,
    onEvent: (event: RecordedEvent) => Promise<void> | void,
    onError?: (error: Error) => void,
  ): AllSubscription {
    const subscription = new PollingSubscription({
      readAfter: (position, maxCount) => this.guard(() => this.queries.readAllAfter(position, maxCount)),
      after: options.after?.commit ?? 0n,
      onEvent,
      onError,
      pollIntervalMs: this.pollIntervalMs,
      onEnded: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  exclusively<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    return this.locks.exclusively(streamId, work);
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const head = this.guard(() => this.queries.headPosition());
    return head === undefined ? undefined : sqlitePosition(head);
  }

  async close(): Promise<void> {
    await this.groupCommit.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.db.open) {
      this.db.close();
    }
    this.locks.close();
  }

  /**
   * Streams other processes hold, read once per group: inside its IMMEDIATE transaction no process
   * can take a lock (that is a write), so the answer holds for every append of the group.
   */
  private streamsLockedByOthers(): ReadonlySet<string> {
    const rows = this.queries.otherHoldersLocks(this.locks.holder);
    return new Set(rows.filter((row) => this.locks.heldByOther(row)).map((row) => row.streamId));
  }

  private guard<T>(operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      throw toPortError(error);
    }
  }
}

export function openSqliteEventStore({
  file,
  pollIntervalMs = 250,
  busyTimeoutMs,
  clock = { now: () => new Date() },
  locks,
}: SqliteEventStoreOptions): SqliteEventStore {
  const db = openSqliteDatabase({ file, busyTimeoutMs });
  return new SqliteEventStore(db, pollIntervalMs, clock, openLockConnection(file, db, busyTimeoutMs), locks);
}
