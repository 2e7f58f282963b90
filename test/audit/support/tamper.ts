import Database from 'better-sqlite3';

/** Hand edits of the SQLite event file (schema: libs/event-store/src/sqlite/sqlite-database.ts), as an attacker would make them. */
export function tamperWith(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file, { timeout: 5000 });
  try {
    db.transaction(() => edit(db))();
  } finally {
    db.close();
  }
}

export const editData = (streamId: string, revision: number, path: string, value: number) => (db: Database.Database) => {
  const changed = db.prepare('UPDATE events SET data = json_set(data, ?, ?) WHERE stream_id = ? AND revision = ?').run(path, value, streamId, revision).changes;
  if (changed !== 1) throw new Error(`no event ${streamId}@${revision}`);
};

export const deleteEvent = (streamId: string, revision: number) => (db: Database.Database) => {
  if (db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(streamId, revision).changes !== 1) throw new Error(`no event ${streamId}@${revision}`);
};

/** Swaps two events' places in the stream (their revisions), leaving every byte of their content as it was. */
export const swapEvents = (streamId: string, first: number, second: number) => (db: Database.Database) => {
  const move = db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?');
  move.run(-1, streamId, first);
  move.run(first, streamId, second);
  move.run(second, streamId, -1);
};
