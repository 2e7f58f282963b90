import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

// AUTOINCREMENT: a position is never reused, even after the last row is deleted by hand,
// so checkpoints held by projectors can never point at a different event.
const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    event_id  TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    created   TEXT    NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (stream_id, event_id)
  ) STRICT;
  -- SqliteStreamLocks: a row while a process holds a stream (exclusively); never part of the history.
  CREATE TABLE IF NOT EXISTS stream_locks (
    stream_id   TEXT    PRIMARY KEY,
    holder      TEXT    NOT NULL,
    holder_pid  INTEGER NOT NULL,
    acquired_at INTEGER NOT NULL
  ) STRICT;
`;

export interface SqliteDatabaseOptions {
  readonly file: string;
  /** How long a writer waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating as needed) the event file. WAL lets the CLI read while the server writes;
 * synchronous=FULL fsyncs the WAL on every commit, so an acknowledged append survives a crash.
 */
export function openSqliteDatabase({ file, busyTimeoutMs = 5000 }: SqliteDatabaseOptions): SqliteDatabase {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file, { timeout: busyTimeoutMs });
  whileBusy(busyTimeoutMs, () => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(schema);
  return db;
}

/**
 * Switching a new file to WAL needs it exclusively, and SQLite answers SQLITE_BUSY at once, without
 * its busy handler, while another process opens the same new file (two writers starting together).
 * Retried for up to the busy timeout, as any other write would wait.
 */
function whileBusy(timeoutMs: number, run: () => unknown): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      run();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/**
 * A second connection to the same file for the stream locks: their commits need no fsync (a lock
 * dies with its process anyway), so they do not pay the events' synchronous=FULL. An in-memory
 * database is private to its connection, so there the events' connection is shared.
 */
export function openLockConnection(file: string, events: SqliteDatabase, busyTimeoutMs = 5000): SqliteDatabase {
  if (file === ':memory:') return events;
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma('synchronous = NORMAL');
  return db;
}
