import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError } from '../event-store.port';
import type { SqliteDatabase } from './sqlite-database';
import { KeyedMutex } from '../shared/keyed-mutex';

export interface StreamLockOptions {
  /** How long `exclusively` waits for another process's lock before failing (retryable). */
  readonly waitMs?: number;
  /** A lock older than this is ignored even if its process lives (a reused pid, a hung holder). */
  readonly staleAfterMs?: number;
  readonly pollMs?: number;
}

export interface StreamLockRow {
  readonly holder: string;
  readonly pid: number;
  readonly acquiredAt: number;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Cross-process stream locks in the event file's `stream_locks` table: one row while a process holds
 * a stream. Every process opening the file sees them (the append transaction refuses other holders'
 * streams); a lock whose process died (SIGKILL) is free at once, as is one older than `staleAfterMs`.
 * Within the process, holders of one stream queue. Locks need no durability: their own connection
 * commits without fsync.
 */
export class SqliteStreamLocks {
  readonly holder = `${process.pid}/${randomUUID()}`;
  private readonly queue = new KeyedMutex();
  private readonly take: (streamId: string) => boolean;
  private readonly release: (streamId: string) => void;
  private readonly waitMs: number;
  private readonly staleAfterMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly db: SqliteDatabase,
    guard: <T>(operation: () => T) => T,
    options: StreamLockOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 10_000;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.pollMs = options.pollMs ?? 10;
    const find = db.prepare<[string], StreamLockRow>('SELECT holder, holder_pid AS pid, acquired_at AS acquiredAt FROM stream_locks WHERE stream_id = ?');
    const upsert = db.prepare<[string, string, number, number]>(
      `INSERT INTO stream_locks (stream_id, holder, holder_pid, acquired_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET holder = excluded.holder, holder_pid = excluded.holder_pid, acquired_at = excluded.acquired_at`,
    );
    const remove = db.prepare<[string, string]>('DELETE FROM stream_locks WHERE stream_id = ? AND holder = ?');
    const take = db.transaction((streamId: string): boolean => {
      const row = find.get(streamId);
      if (row && this.heldByOther(row)) return false;
      upsert.run(streamId, this.holder, process.pid, Date.now());
      return true;
    });
    this.take = (streamId) => guard(() => take.immediate(streamId));
    this.release = (streamId) => guard(() => remove.run(streamId, this.holder));
  }

  /** Is this row a live lock of another holder? (Asked inside the append's transaction too.) */
  heldByOther(row: StreamLockRow): boolean {
    return row.holder !== this.holder && Date.now() - row.acquiredAt < this.staleAfterMs && isAlive(row.pid);
  }

  exclusively<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(streamId, () => this.holding(streamId, work));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private async holding<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.waitMs;
    while (!this.take(streamId)) {
      if (Date.now() >= deadline) throw new EventStoreUnavailableError(`Stream ${streamId}: another process held its lock for more than ${this.waitMs} ms`);
      await delay(this.pollMs);
    }
    try {
      return await work();
    } finally {
      this.release(streamId);
    }
  }
}
