import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainEvent } from '@ledger/domain';
import { type EventStore, openSqliteEventStore, type ReadStreamOptions } from '@ledger/event-store';
import { AccountRepository } from './account-repository';

const usage = (accountId: string, n: number) =>
  domainEvent('UsageRecorded.v1', { accountId, commandId: `${accountId}-c${n}`, occurredAt: '2026-04-02T00:00:00.000Z', usageId: `u${n}`, metric: 'messages', quantity: 1, period: '2026-04' });

describe('AccountRepository cache', () => {
  let dir: string;
  let store: EventStore;
  let fullReads: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'account-repository-'));
    const sqlite = openSqliteEventStore({ file: join(dir, 'events.sqlite') });
    fullReads = [];
    // The real store, noting which streams are read from their first event (a cache miss).
    store = Object.assign(Object.create(sqlite) as EventStore, {
      readStream: (streamId: string, options?: ReadStreamOptions) => {
        if ((options?.fromRevision ?? 0n) === 0n) fullReads.push(streamId);
        return sqlite.readStream(streamId, options);
      },
    });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Ten usage commands: weight 1 + 10 commandIds + 10 usageIds = 21. */
  const tenCommands = async (repository: AccountRepository, accountId: string) => {
    for (let n = 0; n < 10; n += 1) {
      const account = await repository.load(accountId, false);
      await repository.append(account, [usage(accountId, n)], { commandId: `${accountId}-c${n}`, commandType: 'USAGE_RECORD', issuedBy: { type: 'USER', id: 'u' }, issuedAt: '2026-04-02T00:00:00.000Z', actionDate: '2026-04-02T00:00:00.000Z' });
    }
  };

  it('bounds the cache by the ids its states hold, not only by accounts', async () => {
    const repository = new AccountRepository(store, { cachedAccounts: 1_000, cachedIds: 50 });
    await tenCommands(repository, 'a');
    await tenCommands(repository, 'b');
    fullReads.length = 0;
    expect((await repository.load('a', false)).state.commands.size).toBe(10);
    expect(fullReads).toEqual([]);

    await tenCommands(repository, 'c');
    fullReads.length = 0;
    const reloaded = await repository.load('b', false);
    expect(fullReads).toEqual(['account-b']);
    expect([reloaded.revision, reloaded.state.commands.has('b-c9'), reloaded.state.usage.get('2026-04')?.usageIds.has('u9')]).toEqual([9n, true, true]);
  });

  it('keeps every account while the ids fit', async () => {
    const repository = new AccountRepository(store, { cachedAccounts: 1_000, cachedIds: 1_000 });
    for (const accountId of ['a', 'b', 'c']) await tenCommands(repository, accountId);
    fullReads.length = 0;
    for (const accountId of ['a', 'b', 'c']) await repository.load(accountId, false);
    expect(fullReads).toEqual([]);
  });
});
