import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../event-store.port';
import { GroupCommit } from './group-commit';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';

const event = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'ThingHappened.v1', data: { n }, metadata: {} });

describe('SQLite group commit', () => {
  let directory: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-group-commit-'));
    store = openSqliteEventStore({ file: join(directory, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes appends of one event-loop turn in one transaction, in the order they were requested', async () => {
    const db = (store as unknown as { db: Database.Database }).db;
    // Every commit writes at least one WAL frame (50 awaited appends write about 200); a truncated
    // WAL then holds only the frames of what followed.
    const walFrames = () => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0].log;
    await store.append('warm-up', [event(999)], 'no_stream');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => store.append(`s-${n}`, [event(n)], 'no_stream')));
    expect(walFrames()).toBeGreaterThan(0);
    expect(walFrames()).toBeLessThan(10);
    expect(results.map((result) => result.position.commit)).toEqual(Array.from({ length: 50 }, (_, n) => BigInt(n + 2)));
  });

  it('fails only the conflicting append of a group; the others commit', async () => {
    const [first, conflicting, other, next] = await Promise.allSettled([
      store.append('s', [event(1)], 'no_stream'),
      store.append('s', [event(2)], 'no_stream'),
      store.append('t', [event(3)], 'no_stream'),
      store.append('s', [event(4)], 0n),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(conflicting).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect(other).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(next).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
    expect((await store.readStream('s')).map((stored) => stored.data)).toEqual([{ n: 1 }, { n: 4 }]);
  });

  it('fails only the append whose data JSON refuses; the rest of the group commits', async () => {
    const [refused, other] = await Promise.allSettled([
      store.append('s', [{ ...event(1), data: { amount: 1n } }], 'no_stream'),
      store.append('t', [event(2)], 'no_stream'),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
    expect(other).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(await store.readStream('s')).toEqual([]);
  });

  it('fails every append of the group, and stores none, when an insert fails after the checks passed', async () => {
    const db = (store as unknown as { db: Database.Database }).db;
    db.exec("CREATE TEMP TRIGGER failing_insert BEFORE INSERT ON events WHEN NEW.event_id = '" + event(3).id + "' BEGIN SELECT RAISE(ABORT, 'insert failed'); END");
    const outcomes = await Promise.allSettled([
      store.append('s', [event(1)], 'no_stream'),
      store.append('t', [event(2), event(3)], 'no_stream'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(await store.readAll()).toEqual([]);
    db.exec('DROP TRIGGER failing_insert');
    await expect(store.append('s', [event(1)], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });

  it('close() commits appends still queued before closing the file', async () => {
    const pending = store.append('s', [event(1)], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });
});

describe('GroupCommit', () => {
  const request = (streamId: string) => ({ streamId });

  it('acknowledges nothing when the commit fails, and reports the failure to every append of the group', async () => {
    const acknowledged: string[] = [];
    const failure = new Error('disk I/O error');
    const groups = new GroupCommit(() => {
      throw failure;
    }, () => acknowledged.push('committed'));
    const outcomes = await Promise.allSettled([groups.append(request('a')), groups.append(request('b'))]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(acknowledged).toEqual([]);
  });

  it('starts a new group for appends requested after a commit', async () => {
    const sizes: number[] = [];
    const groups = new GroupCommit((requests) => {
      sizes.push(requests.length);
      return requests.map(() => ({ result: { nextExpectedRevision: 0n, position: { commit: 1n, prepare: 1n } } }));
    }, () => undefined);
    await Promise.all([groups.append(request('a')), groups.append(request('b')), groups.append(request('c'))]);
    await groups.append(request('d'));
    expect(sizes).toEqual([3, 1]);
  });
});
