import { MemoryReadStore } from '@ledger/read-store';
import { switchLiveVersion } from './read-model-pointer';
import { VersionedReadStore } from './versioned-read-store';

const at = (commit: bigint) => ({ commit, prepare: commit });

describe('VersionedReadStore', () => {
  it('reads and writes the version the pointer names, re-reading the pointer after its TTL', async () => {
    const base = new MemoryReadStore();
    let now = 0;
    const live = new VersionedReadStore(base, { pointerTtlMs: 1000, now: () => now });
    await base.collection<{ _id: string; v: number }>('billingLogs').upsertMany([{ doc: { _id: 'L1', v: 1 }, position: at(1n) }]);
    await base.collection<{ _id: string; v: number }>('billingLogs__v2').upsertMany([{ doc: { _id: 'L1', v: 2 }, position: at(1n) }]);

    expect(await live.collection('billingLogs').get('L1')).toEqual({ _id: 'L1', v: 1 });
    await switchLiveVersion(base, 2, new Date('2026-05-01T00:00:00.000Z'));
    expect(await live.collection('billingLogs').get('L1')).toEqual({ _id: 'L1', v: 1 });
    now = 1000;
    expect(await live.collection('billingLogs').get('L1')).toEqual({ _id: 'L1', v: 2 });

    await live.checkpoints.set('ledger-projector', at(7n));
    expect(await base.checkpoints.get('ledger-projector__v2')).toEqual(at(7n));
    expect(await base.checkpoints.get('ledger-projector')).toBeUndefined();
  });

  it('passes collections that are not read models through unversioned', async () => {
    const base = new MemoryReadStore();
    const pinned = new VersionedReadStore(base, { version: 3 });
    await pinned.collection('apiKeys').upsertMany([{ doc: { _id: 'k' }, position: at(1n) }]);
    await pinned.collection('plans').upsertMany([{ doc: { _id: 'acct' }, position: at(1n) }]);
    expect(await base.collection('apiKeys').get('k')).toEqual({ _id: 'k' });
    expect(await base.collection('plans__v3').get('acct')).toEqual({ _id: 'acct' });
  });
});
