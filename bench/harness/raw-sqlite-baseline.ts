import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/event-store';
import { openSqliteDatabase } from '../../libs/event-store/src/sqlite/sqlite-database';
import { elapsedMs } from './measure';

/** A stored event as the raw baseline writes it: already serialised, nothing left to compute. */
interface RawRow {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly created: string;
}

const toRawRow = (event: RecordedEvent): RawRow => ({
  streamId: event.streamId,
  revision: event.revision,
  eventId: event.id,
  type: event.type,
  data: JSON.stringify(event.data),
  metadata: JSON.stringify(event.metadata),
  created: event.created.toISOString(),
});

/**
 * The B1 baseline: the same events inserted with better-sqlite3 into the event store's schema and
 * pragmas (WAL, synchronous=FULL), one transaction per group. Returns the elapsed milliseconds.
 */
export function rawAppendMs(dir: string, name: string, groups: readonly (readonly RecordedEvent[])[]): number {
  const db = openSqliteDatabase({ file: join(dir, `${name}.sqlite`) });
  try {
    const rows = groups.map((group) => group.map(toRawRow));
    const insert = db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created)
       VALUES (@streamId, @revision, @eventId, @type, @data, @metadata, @created)`,
    );
    const appendGroup = db.transaction((group: readonly RawRow[]) => group.forEach((row) => insert.run(row)));
    const start = process.hrtime.bigint();
    rows.forEach((group) => appendGroup.immediate(group));
    return elapsedMs(start);
  } finally {
    db.close();
  }
}

/** Groups events by the command that appended them (metadata.commandId), in position order. */
export function groupByCommand(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const groups = new Map<string, RecordedEvent[]>();
  events.forEach((event) => {
    const commandId = String(event.metadata.commandId);
    const group = groups.get(commandId) ?? [];
    group.push(event);
    groups.set(commandId, group);
  });
  return [...groups.values()];
}
