import { describeReadStoreContract } from '../contract/read-store.contract';
import { at } from '../contract/contract-context';
import { READ_COLLECTIONS } from '../read-collections';
import { InvalidDocumentError, UnsupportedQueryError } from '../read-store.errors';
import { MemoryReadStore } from './memory-read-store';

describeReadStoreContract(
  'in memory',
  async ({ clock }) => new MemoryReadStore({ clock }),
  (store) => store.close(),
);

describe('in-memory adapter specifics', () => {
  const store = new MemoryReadStore();

  it('refuses a filter or sort whose path reaches an array, where Mongo would match elements', async () => {
    const rows = store.collection<{ _id: string; tags: string[]; lines: { units: number }[] }>('arrays');
    await rows.upsertMany([
      { doc: { _id: 'a', tags: ['x'], lines: [{ units: 1 }] }, position: at(1) },
      { doc: { _id: 'b', tags: [], lines: [] }, position: at(1) },
    ]);
    await expect(rows.find({ tags: 'x' })).rejects.toThrow(UnsupportedQueryError);
    await expect(rows.find({ 'lines.units': 1 })).rejects.toThrow(UnsupportedQueryError);
    await expect(rows.find({}, { sort: { tags: 1 } })).rejects.toThrow(UnsupportedQueryError);
    expect(await rows.find({ _id: 'c' })).toEqual([]);
  });

  it('refuses values BSON cannot round-trip instead of storing something else', async () => {
    const rows = store.collection<{ _id: string; amount: unknown }>('values');
    await expect(rows.upsertMany([{ doc: { _id: 'a', amount: 1n }, position: at(1) }])).rejects.toThrow(InvalidDocumentError);
    await expect(rows.upsertMany([{ doc: { _id: 'a', amount: new Map() }, position: at(1) }])).rejects.toThrow(InvalidDocumentError);
  });

  it('keeps the accountId index in step when a document moves to another account or is deleted', async () => {
    const rows = store.collection<{ _id: string; accountId: string }>(READ_COLLECTIONS.billingLogs);
    await rows.upsertMany([{ doc: { _id: 'a', accountId: 'acc-1' }, position: at(1) }]);
    await rows.upsertMany([{ doc: { _id: 'a', accountId: 'acc-2' }, position: at(2) }]);
    expect(await rows.find({ accountId: 'acc-1' })).toEqual([]);
    expect(await rows.find({ accountId: { $in: ['acc-2', 'acc-3'] } })).toEqual([{ _id: 'a', accountId: 'acc-2' }]);
    await rows.deleteMany({ accountId: 'acc-2' });
    expect(await rows.count({ accountId: { $eq: 'acc-2' } })).toBe(0);
  });
});

describe('in-memory adapter: documents stored as text', () => {
  const store = new MemoryReadStore();

  it('finds equalities on strings JSON escapes, and documents kept as objects, past the text prefilter', async () => {
    const rows = store.collection<{ _id: string; accountId: string; note: string; at?: Date }>('escapes');
    await rows.upsertMany([
      { doc: { _id: 'a', accountId: 'acc-1', note: 'say "hi"\n\\ 환불' }, position: at(1) },
      { doc: { _id: 'b', accountId: 'acc-1', note: 'say "hi"\n\\ 환불', at: new Date(0) }, position: at(1) },
      { doc: { _id: 'c', accountId: 'acc-1', note: 'say hi' }, position: at(1) },
    ]);
    expect((await rows.find({ note: 'say "hi"\n\\ 환불' }, { sort: { _id: 1 } })).map((doc) => doc._id)).toEqual(['a', 'b']);
    expect(await rows.count({ note: { $eq: 'say "hi"\n\\ 환불' }, accountId: 'acc-1' })).toBe(2);
    expect((await rows.get('b'))?.at).toEqual(new Date(0));
  });

  it('serves the newest version of every document after replacements made its arena compact itself', async () => {
    const rows = store.collection<{ _id: string; accountId: string; version: number; pad: string }>('replaced');
    const pad = '결'.repeat(1000);
    for (let version = 1; version <= 300; version++) {
      const batch = Array.from({ length: 20 }, (_, i) => ({ doc: { _id: `p${i}`, accountId: `acc-${i % 3}`, version, pad }, position: at(version) }));
      await rows.upsertMany(batch);
    }
    const latest = await rows.find({}, { sort: { _id: 1 } });
    expect(latest.map((doc) => [doc._id, doc.version, doc.pad === pad])).toEqual(Array.from({ length: 20 }, (_, i) => [`p${i}`, 300, true]).sort());
    expect(await rows.count({ accountId: 'acc-1' })).toBe(7);
  });
});
