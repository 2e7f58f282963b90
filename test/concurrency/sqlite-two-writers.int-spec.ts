// Two processes appending to one SQLite event file: the expected-revision check runs inside the
// IMMEDIATE write transaction, so two processes can never both append at revision N; and a stream
// one process holds (`exclusively`) cannot change under it, until that process lets go or dies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError, StreamLockedError, openSqliteEventStore } from '@ledger/event-store';
import { pollUntil } from '../infra/poll';
import { startFixture } from './support/fixture-process';

const APPENDS_PER_WRITER = 300;
jest.setTimeout(120_000);

const writer = (...args: string[]) => startFixture('sqlite-writer.ts', ...args);

const event = (id: string) => ({ id, type: 'WriterRaced.v1', data: {}, metadata: {} });

describe('one SQLite event file, two writing processes', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-two-writers-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never lets both append at the same revision: every acknowledged append is where it was acknowledged', async () => {
    const writers = [writer('race', file, 'account-raced', String(APPENDS_PER_WRITER)), writer('race', file, 'account-raced', String(APPENDS_PER_WRITER))];
    expect(await Promise.all(writers.map((each) => each.exited))).toEqual([0, 0]);

    const acks = writers.flatMap((each) => each.lines.filter((line) => line.startsWith('ack ')).map((line) => line.split(' ')));
    const conflicts = writers.map((each) => Number(each.lines.find((line) => line.startsWith('conflicts '))!.split(' ')[1]));
    const store = openSqliteEventStore({ file });
    try {
      const stored = await store.readStream('account-raced');
      expect(acks).toHaveLength(2 * APPENDS_PER_WRITER);
      expect(stored.map((recorded) => recorded.revision)).toEqual(stored.map((_, index) => BigInt(index)));
      expect(new Map(stored.map((recorded) => [String(recorded.revision), recorded.id]))).toEqual(new Map(acks.map(([, revision, id]) => [revision, id])));
      // Both really wrote (interleaved); the figure is printed, not asserted: contention varies with load.
      expect(new Set(stored.map((recorded) => recorded.data.pid)).size).toBe(2);
      console.info(`[two-writers] ${stored.length} appends by two processes on one stream, ${conflicts.join(' + ')} conflicts answered with WrongExpectedRevisionError`);
    } finally {
      await store.close();
    }
  });

  it('refuses appends to a stream another process holds, and frees it the moment that process dies', async () => {
    const holder = writer('hold', file, 'account-held');
    await pollUntil(
      async () => {
        if (!holder.lines.includes('holding')) throw new Error('not holding yet');
      },
      { what: 'the child holding the stream', timeoutMs: 60_000, intervalMs: 50, abortReason: holder.abortReason },
    );
    const store = openSqliteEventStore({ file, locks: { waitMs: 300 } });
    try {
      await expect(store.append('account-held', [event('00000000-0000-4000-8000-000000000001')], 'no_stream')).rejects.toBeInstanceOf(StreamLockedError);
      await expect(store.append('account-free', [event('00000000-0000-4000-8000-000000000002')], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
      await expect(store.exclusively('account-held', async () => 'never')).rejects.toBeInstanceOf(EventStoreUnavailableError);

      holder.child.kill('SIGKILL');
      await holder.exited;
      const appended = await store.exclusively('account-held', () => store.append('account-held', [event('00000000-0000-4000-8000-000000000003')], 'no_stream'));
      expect(appended.nextExpectedRevision).toBe(0n);
      await expect(store.readStream('account-held')).resolves.toHaveLength(1);
    } finally {
      holder.child.kill('SIGKILL');
      await store.close();
    }
  });
});
