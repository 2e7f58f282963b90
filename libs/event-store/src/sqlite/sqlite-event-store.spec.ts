import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract, eventually } from '../contract';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '../event-store.port';
import { openSqliteEventStore } from './sqlite-event-store';

const temporaryDirectories: string[] = [];
const newDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'ledger-event-store-'));
  temporaryDirectories.push(directory);
  return directory;
};
afterAll(() => temporaryDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

const event = (id: string, data: Record<string, unknown> = {}) => ({ id, type: 'ThingHappened.v1', data, metadata: {} });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describeEventStoreContract('SQLite', async () => openSqliteEventStore({ file: join(newDirectory(), 'events.sqlite') }));

describe('SQLite event store', () => {
  let stores: EventStore[] = [];
  const open = (file: string, pollIntervalMs?: number) => {
    const store = openSqliteEventStore({ file, pollIntervalMs });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
  });

  it('creates missing directories and runs in WAL mode with synchronous FULL', async () => {
    const file = join(newDirectory(), 'nested', 'deeper', 'events.sqlite');
    const store = open(file);
    await store.append('s', [event(uuid(1))], 'no_stream');
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    // synchronous is per connection: read it through the store's own connection.
    const connection = (store as unknown as { db: Database.Database }).db;
    expect(connection.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('has no head position while empty, and positions equal to the append result', async () => {
    const store = open(join(newDirectory(), 'events.sqlite'));
    expect(await store.headPosition()).toBeUndefined();
    expect(await store.readAll()).toEqual([]);
    const result = await store.append('s', [event(uuid(1)), event(uuid(2))], 'no_stream');
    expect(result).toEqual({ nextExpectedRevision: 1n, position: { commit: 2n, prepare: 2n } });
    expect(await store.headPosition()).toEqual(result.position);
  });

  it('answers a retry with the original result, position included, even after other appends', async () => {
    const store = open(join(newDirectory(), 'events.sqlite'));
    const original = await store.append('s', [event(uuid(1))], 'no_stream');
    await store.append('other', [event(uuid(2))], 'no_stream');
    await store.append('s', [event(uuid(3))], 0n);
    expect(await store.append('s', [event(uuid(1))], 'no_stream')).toEqual(original);
    expect(await store.append('s', [event(uuid(1))], 'any')).toEqual(original);
  });

  it('treats a partial overlap with stored event ids as a conflict', async () => {
    const store = open(join(newDirectory(), 'events.sqlite'));
    await store.append('s', [event(uuid(1)), event(uuid(2))], 'no_stream');
    await expect(store.append('s', [event(uuid(1)), event(uuid(9))], 'no_stream')).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: 1n,
    });
    await expect(store.append('s', [event(uuid(9)), event(uuid(2))], 1n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream('s')).toHaveLength(2);
  });

  it('a live subscription picks up appends made through another connection to the same file', async () => {
    const file = join(newDirectory(), 'events.sqlite');
    const subscriber = open(file, 20);
    const otherProcess = open(file);
    const received: RecordedEvent[] = [];
    const subscription = subscriber.subscribeToAll({}, (recorded) => void received.push(recorded));
    try {
      await otherProcess.append('cli', [event(uuid(1)), event(uuid(2))], 'no_stream');
      await eventually(() => expect(received.map((recorded) => recorded.id)).toEqual([uuid(1), uuid(2)]));
    } finally {
      await subscription.stop();
    }
  });

  it('close() ends its subscriptions', async () => {
    const store = openSqliteEventStore({ file: join(newDirectory(), 'events.sqlite') });
    const received: RecordedEvent[] = [];
    store.subscribeToAll({}, (recorded) => void received.push(recorded));
    await store.append('s', [event(uuid(1))], 'no_stream');
    await eventually(() => expect(received).toHaveLength(1));
    await store.close();
    await expect(store.readAll()).rejects.toThrow();
  });
});
