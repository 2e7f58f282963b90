import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError, StreamLockedError, WrongExpectedRevisionError } from '../event-store.port';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';

const event = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'ThingHappened.v1', data: {}, metadata: {} });

// Two store instances on one file stand for two processes: each has its own lock holder.
describe('SQLite stream locks', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  const open = (waitMs = 200) => {
    const store = openSqliteEventStore({ file: join(dir, 'events.sqlite'), locks: { waitMs, pollMs: 5 } });
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-stream-locks-'));
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses another holder's append with StreamLockedError (a conflict to retry), not the holder's own", async () => {
    const [holder, other] = [open(), open()];
    await holder.exclusively('s', async () => {
      const refused = await other.append('s', [event(1)], 'no_stream').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StreamLockedError);
      expect(refused).toBeInstanceOf(WrongExpectedRevisionError);
      await expect(other.append('t', [event(2)], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
      await expect(holder.append('s', [event(3)], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
    });
    await expect(other.append('s', [event(1)], 0n)).resolves.toMatchObject({ nextExpectedRevision: 1n });
  });

  it('lets a second holder wait for the first, and gives up after waitMs as unavailable (retryable)', async () => {
    const [first, second, impatient] = [open(), open(2_000), open(50)];
    const order: string[] = [];
    let release!: () => void;
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    const held = first.exclusively('s', () => {
      holding();
      return new Promise<void>((resolve) => (release = () => (order.push('first done'), resolve())));
    });
    await started;
    const waiting = second.exclusively('s', async () => void order.push('second ran'));
    await expect(impatient.exclusively('s', async () => 'never')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    release();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['first done', 'second ran']);
  });

  it('queues holders of one stream inside one process, and releases on failure', async () => {
    const store = open();
    const order: string[] = [];
    const failing = store.exclusively('s', async () => {
      order.push('a');
      throw new Error('work failed');
    });
    const next = store.exclusively('s', async () => void order.push('b'));
    await expect(failing).rejects.toThrow('work failed');
    await next;
    expect(order).toEqual(['a', 'b']);
    await expect(open().append('s', [event(1)], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });

  it('ignores a lock left by a process that is gone', async () => {
    const store = open();
    const db = new Database(join(dir, 'events.sqlite'));
    // No process has pid 2^22 + 1 (above Linux's pid_max limit).
    db.prepare('INSERT INTO stream_locks (stream_id, holder, holder_pid, acquired_at) VALUES (?, ?, ?, ?)').run('s', 'gone/1', 4_194_305, Date.now());
    db.close();
    await expect(store.append('s', [event(1)], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
    await expect(store.exclusively('s', async () => 'held')).resolves.toBe('held');
  });
});
