import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import type { SqliteDatabase } from './sqlite-database';
import type { StreamLockRow } from './sqlite-stream-locks';

interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

export interface NewEventRow {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

/** SQLite has one sequence; it serves as both halves of KurrentDB's position. */
export const sqlitePosition = (position: bigint): GlobalPosition => ({ commit: position, prepare: position });

const NO_LIMIT = -1;
const LAST_REVISION = 9223372036854775807n;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  revision: row.revision,
  position: sqlitePosition(row.position),
  type: row.type,
  data: JSON.parse(row.data) as Record<string, unknown>,
  metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  created: new Date(row.created),
});

const columns = 'position, stream_id, revision, event_id, type, data, metadata, created';

/** Every statement the store runs, prepared once per connection; integers come back as bigint. */
export function prepareQueries(db: SqliteDatabase) {
  const prepare = <Params extends unknown[], Row>(sql: string) => db.prepare<Params, Row>(sql).safeIntegers(true);

  const streamForwards = prepare<[string, bigint, number], EventRow>(
    `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
  );
  const streamBackwards = prepare<[string, bigint, number], EventRow>(
    `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  );
  const allAfter = prepare<[bigint, number], EventRow>(
    `SELECT ${columns} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
  );
  // The append's checks in one statement: the stream's last revision, and where (if anywhere) the
  // batch's first event id is already stored (an idempotent retry).
  const appendCheck = prepare<[string, string, string], { last: bigint | null; stored: bigint | null }>(
    `SELECT (SELECT MAX(revision) FROM events WHERE stream_id = ?) AS last,
            (SELECT revision FROM events WHERE stream_id = ? AND event_id = ?) AS stored`,
  );
  const eventRevision = prepare<[string, string], { revision: bigint }>('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?');
  const headPosition = prepare<[], { position: bigint | null }>('SELECT MAX(position) AS position FROM events');
  const otherHoldersLocks = db.prepare<[string], StreamLockRow & { streamId: string }>(
    'SELECT stream_id AS streamId, holder, holder_pid AS pid, acquired_at AS acquiredAt FROM stream_locks WHERE holder <> ?',
  );
  const insert = prepare<[string, bigint, string, string, string, string, string], never>(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  return {
    readStreamForwards: (streamId: string, fromRevision = 0n, maxCount = NO_LIMIT) =>
      streamForwards.all(streamId, fromRevision, maxCount).map(toRecordedEvent),
    readStreamBackwards: (streamId: string, fromRevision = LAST_REVISION, maxCount = NO_LIMIT) =>
      streamBackwards.all(streamId, fromRevision, maxCount).map(toRecordedEvent),
    readAllAfter: (position: bigint, maxCount = NO_LIMIT) => allAfter.all(position, maxCount).map(toRecordedEvent),
    appendCheck: (streamId: string, firstEventId: string): { last: bigint | undefined; stored: bigint | undefined } => {
      const row = appendCheck.get(streamId, streamId, firstEventId);
      return { last: row?.last ?? undefined, stored: row?.stored ?? undefined };
    },
    isStored: (streamId: string, eventId: string): boolean => eventRevision.get(streamId, eventId) !== undefined,
    headPosition: (): bigint | undefined => headPosition.get()?.position ?? undefined,
    otherHoldersLocks: (holder: string) => otherHoldersLocks.all(holder),
    insert: (row: NewEventRow): bigint =>
      insert.run(row.streamId, row.revision, row.eventId, row.type, row.data, row.metadata, row.created).lastInsertRowid as bigint,
  };
}

export type SqliteQueries = ReturnType<typeof prepareQueries>;
