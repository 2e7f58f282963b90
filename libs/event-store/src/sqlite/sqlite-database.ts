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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(schema);
  return db;
}
