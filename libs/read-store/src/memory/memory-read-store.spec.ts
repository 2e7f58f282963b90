import { describeReadStoreContract } from '../contract/read-store.contract';
import { at } from '../contract/contract-context';
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
    const rows = store.collection<{ _id: string; accountId: string }>('moves');
    await rows.upsertMany([{ doc: { _id: 'a', accountId: 'acc-1' }, position: at(1) }]);
    await rows.upsertMany([{ doc: { _id: 'a', accountId: 'acc-2' }, position: at(2) }]);
    expect(await rows.find({ accountId: 'acc-1' })).toEqual([]);
    expect(await rows.find({ accountId: { $in: ['acc-2', 'acc-3'] } })).toEqual([{ _id: 'a', accountId: 'acc-2' }]);
    await rows.deleteMany({ accountId: 'acc-2' });
    expect(await rows.count({ accountId: { $eq: 'acc-2' } })).toBe(0);
  });
});
