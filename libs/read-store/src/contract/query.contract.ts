import { beforeAll, describe, expect, it } from '@jest/globals';
import { UnsupportedQueryError } from '../read-store.errors';
import type { Filter, FindOptions, ReadCollection, ReadDocument } from '../read-store.port';
import { at, idsOf, type ContractContext } from './contract-context';

type Row = ReadDocument & Record<string, unknown>;

const ROWS: Row[] = [
  { _id: 'r1', accountId: 'acc-1', actionDate: '2024-03-01T00:00:00.000Z', score: 2, label: 'x' },
  { _id: 'r2', accountId: 'acc-2', actionDate: '2024-01-01T00:00:00.000Z', score: 'b', label: 'y' },
  { _id: 'r3', accountId: 'acc-1', actionDate: '2024-01-01T00:00:00.000Z', score: null, label: 'z' },
  { _id: 'r4', accountId: 'acc-2', actionDate: '2024-02-01T00:00:00.000Z', score: -1.5 },
  { _id: 'r5', accountId: 'acc-1', actionDate: '2024-02-01T00:00:00.000Z', score: true },
  { _id: 'r6', accountId: 'acc-1', actionDate: '2024-03-01T00:00:00.000Z', score: 'a' },
  { _id: 'r0', accountId: 'acc-2', actionDate: '2024-03-01T00:00:00.000Z' },
  { _id: 'r7', accountId: 'acc-2', actionDate: '2024-01-01T00:00:00.000Z', score: 2 },
];

export function describeQueryContract(context: ContractContext): void {
  describe('sort, skip, limit, count, projection', () => {
    let rows: ReadCollection<Row>;

    beforeAll(async () => {
      rows = context.freshCollection<Row>();
      await rows.upsertMany(ROWS.map((doc, i) => ({ doc, position: at(i + 1) })));
    });

    it('returns _id order without a sort', async () => {
      expect(idsOf(await rows.find({}))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    });

    it('sorts across types as Mongo does: missing and null, numbers, strings, booleans; ties by _id', async () => {
      expect(idsOf(await rows.find({}, { sort: { score: 1 } }))).toEqual(['r0', 'r3', 'r4', 'r1', 'r7', 'r6', 'r2', 'r5']);
      expect(idsOf(await rows.find({}, { sort: { score: -1 } }))).toEqual(['r5', 'r2', 'r6', 'r1', 'r7', 'r4', 'r0', 'r3']);
    });

    it('sorts on several keys, the billing-log list order being accountId then actionDate descending', async () => {
      const sorted = await rows.find({}, { sort: { accountId: 1, actionDate: -1 } });
      expect(idsOf(sorted)).toEqual(['r1', 'r6', 'r5', 'r3', 'r0', 'r4', 'r2', 'r7']);
    });

    it('pages with skip and limit consistently with the full result', async () => {
      const sort = { actionDate: -1 } as const;
      const all = idsOf(await rows.find({}, { sort }));
      const pages = [];
      for (let skip = 0; skip < all.length; skip += 3) pages.push(...idsOf(await rows.find({}, { sort, skip, limit: 3 })));
      expect(pages).toEqual(all);
      expect(idsOf(await rows.find({ accountId: 'acc-1' }, { sort, skip: 1, limit: 2 }))).toEqual(['r6', 'r5']);
      expect(await rows.find({}, { skip: 100 })).toEqual([]);
    });

    it('counts with and without a filter', async () => {
      expect(await rows.count({})).toBe(ROWS.length);
      expect(await rows.count({ accountId: 'acc-1', actionDate: { $lt: '2024-03-01' } })).toBe(2);
    });

    it('answers a page and the total in one call, as find and count do', async () => {
      const cases: [Filter, FindOptions][] = [
        [{}, { sort: { actionDate: -1 }, skip: 0, limit: 3 }],
        [{ accountId: 'acc-1' }, { sort: { actionDate: -1 }, skip: 1, limit: 2 }],
        [{ accountId: 'acc-2', score: { $exists: true } }, { sort: { score: 1 } }],
        [{ accountId: 'nobody' }, { limit: 5 }],
        [{}, { skip: 100 }],
      ];
      for (const [filter, options] of cases) {
        expect(await rows.page(filter, options)).toEqual({ documents: await rows.find(filter, options), total: await rows.count(filter) });
      }
    });

    it('projects included or excluded top-level fields', async () => {
      expect(await rows.find({ _id: 'r1' }, { projection: { label: 1 } })).toEqual([{ _id: 'r1', label: 'x' }]);
      expect(await rows.find({ _id: 'r1' }, { projection: { label: 1, _id: 0 } })).toEqual([{ label: 'x' }]);
      expect(await rows.find({ _id: 'r4' }, { projection: { actionDate: 0, score: 0 } })).toEqual([{ _id: 'r4', accountId: 'acc-2' }]);
      expect(await rows.find({ _id: 'r4' }, { projection: { _id: 0, actionDate: 0, score: 0 } })).toEqual([{ accountId: 'acc-2' }]);
    });

    it.each([
      ['limit 0', { limit: 0 }],
      ['a negative skip', { skip: -1 }],
      ['a fractional limit', { limit: 1.5 }],
      ['a sort direction other than ±1', { sort: { score: 2 } }],
      ['a mixed projection', { projection: { label: 1, score: 0 } }],
      ['a nested projection', { projection: { 'meta.tier': 1 } }],
    ])('refuses %s', async (_, options) => {
      await expect(rows.find({}, options as never)).rejects.toThrow(UnsupportedQueryError);
    });
  });

  describe('deleteMany and drop', () => {
    it('deletes the matching documents and forgets their positions', async () => {
      const rows = context.freshCollection<Row>();
      await rows.upsertMany(ROWS.map((doc) => ({ doc, position: at(100) })));
      expect(await rows.deleteMany({ accountId: 'acc-2' })).toBe(4);
      expect(await rows.count({})).toBe(4);
      expect(await rows.count({ accountId: 'acc-2' })).toBe(0);
      expect(await rows.upsertMany([{ doc: ROWS[1], position: at(1) }])).toEqual({ written: 1, skipped: 0 });
      expect(await rows.deleteMany({ accountId: 'nobody' })).toBe(0);
    });

    it('drops every document and accepts writes again from the start', async () => {
      const rows = context.freshCollection<Row>();
      await rows.upsertMany(ROWS.map((doc) => ({ doc, position: at(100) })));
      await rows.drop();
      expect(await rows.count({})).toBe(0);
      expect(await rows.get('r1')).toBeUndefined();
      expect(await rows.upsertMany([{ doc: ROWS[0], position: at(1) }])).toEqual({ written: 1, skipped: 0 });
      await context.freshCollection<Row>().drop();
    });
  });
}
