import fc from 'fast-check';
import { at } from '../contract/contract-context';
import { randomDocs, randomFilter, randomSort, type RandomDoc } from '../contract/arbitraries';
import { referenceMatches, referenceSort } from '../contract/reference-query';
import { FilterCache } from './filter-cache';
import { MemoryCollection } from './memory-collection';

const open = (): void => undefined;

/** The documents after two upsert rounds of the same ids: the second round wins. */
function merged(first: readonly RandomDoc[], second: readonly RandomDoc[]): RandomDoc[] {
  const byId = new Map(first.map((doc) => [doc._id, doc]));
  second.forEach((doc) => byId.set(doc._id, doc));
  return [...byId.values()];
}

describe('field indexes of the in-memory adapter', () => {
  it.each([
    ['one indexed field', ['s']],
    ['several indexed fields, _id among them', ['accountId', 'n', 's', 'nested', '_id']],
  ])('answer find, count and deleteMany as a full scan would, as documents move between keys (%s)', async (_, fields) => {
    await fc.assert(
      fc.asyncProperty(randomDocs, randomDocs, randomFilter, randomFilter, randomSort, async (first, second, deleted, filter, sort) => {
        const collection = new MemoryCollection<RandomDoc>(open, new FilterCache(), fields);
        await collection.upsertMany(first.map((doc) => ({ doc, position: at(1) })));
        await collection.upsertMany(second.map((doc) => ({ doc, position: at(2) })));
        const stored = merged(first, second);
        const survivors = stored.filter((doc) => !referenceMatches(doc, deleted));
        expect(await collection.deleteMany(deleted)).toBe(stored.length - survivors.length);
        const matching = referenceSort(survivors.filter((doc) => referenceMatches(doc, filter)), sort);
        expect(await collection.find(filter, { sort })).toEqual(matching);
        expect(await collection.count(filter)).toBe(matching.length);
      }),
      { numRuns: 300 },
    );
  });

  it('narrows to the most selective pinned field and still applies the whole filter', async () => {
    const collection = new MemoryCollection<RandomDoc>(open, new FilterCache(), ['accountId', 'commandId']);
    const docs = Array.from({ length: 50 }, (_, i) => ({ _id: `o${i}`, accountId: 'acc-1', commandId: `cmd-${i % 25}`, status: i < 25 ? 'ACCEPTED' : 'REJECTED' }));
    await collection.upsertMany(docs.map((doc) => ({ doc, position: at(1) })));
    expect(await collection.find({ accountId: 'acc-1', commandId: 'cmd-3', status: 'REJECTED' })).toEqual([docs[28]]);
    expect(await collection.count({ accountId: { $in: ['acc-1', 'acc-2'] }, commandId: { $gte: 'cmd-23' } })).toBe(18);
    expect(await collection.count({ accountId: 'acc-2', commandId: 'cmd-3' })).toBe(0);
  });
});
