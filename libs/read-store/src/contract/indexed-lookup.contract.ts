import { describe, expect, it } from '@jest/globals';
import { READ_COLLECTIONS } from '../read-collections';
import type { Filter, ReadDocument } from '../read-store.port';
import { at, idsOf, type ContractContext } from './contract-context';

interface Outcome extends ReadDocument {
  commandId?: string | null;
  accountId: string;
  status: string;
}

interface Plan extends ReadDocument {
  dueAt?: string | number | null;
}

/**
 * Lookups on the fields READ_STORE_INDEXES plans (commandOutcomes.commandId, plans.dueAt), on the
 * real collection names so each adapter's index is in play. Every test writes its own keys.
 */
export function describeIndexedLookupContract(context: ContractContext): void {
  const outcomes = () => context.store().collection<Outcome>(READ_COLLECTIONS.commandOutcomes);
  const outcome = (accountId: string, commandId: string | null, status = 'ACCEPTED'): Outcome => ({ _id: `${accountId}/${commandId}`, commandId, accountId, status });

  describe('lookups on indexed fields', () => {
    it('finds the outcomes of one commandId among many, in every account that used it', async () => {
      const run = context.uniqueKey('cmd');
      const many = Array.from({ length: 1_000 }, (_, i) => outcome(`acc-${i % 10}`, `${run}-${i}`));
      const shared = outcome('acc-other', `${run}-7`, 'REJECTED');
      await outcomes().upsertMany([...many, shared].map((doc, i) => ({ doc, position: at(i + 1) })));
      expect(await outcomes().find({ commandId: `${run}-7` }, { sort: { accountId: 1 } })).toEqual([many[7], shared]);
      expect(idsOf(await outcomes().find({ commandId: { $in: [`${run}-500`, `${run}-999`, `${run}-none`] } }))).toEqual([many[500]._id, many[999]._id]);
      expect(await outcomes().count({ commandId: { $eq: `${run}-7` }, status: 'REJECTED' })).toBe(1);
      expect(await outcomes().find({ commandId: `${run}-none` })).toEqual([]);
    });

    it('follows an updated document from one key to another, and ignores a stale update', async () => {
      const [first, second] = [context.uniqueKey('cmd'), context.uniqueKey('cmd')];
      const id = context.uniqueKey('acc/cmd');
      const write = (commandId: string | null, n: number) => outcomes().upsertMany([{ doc: { _id: id, commandId, accountId: 'acc-1', status: 'ACCEPTED' }, position: at(n) }]);
      await write(first, 1);
      await write(second, 2);
      expect(await outcomes().find({ commandId: first })).toEqual([]);
      expect(idsOf(await outcomes().find({ commandId: second }))).toEqual([id]);
      await write(first, 1);
      expect(idsOf(await outcomes().find({ commandId: second }))).toEqual([id]);
      await write(null, 3);
      expect(await outcomes().count({ commandId: second })).toBe(0);
      expect(idsOf(await outcomes().find({ _id: id, commandId: null }))).toEqual([id]);
      await write(first, 4);
      expect(idsOf(await outcomes().find({ commandId: first }))).toEqual([id]);
    });

    it('deletes by commandId only the matching documents, which can be written again', async () => {
      const [doomed, kept] = [context.uniqueKey('cmd'), context.uniqueKey('cmd')];
      const docs = [outcome('acc-1', doomed), outcome('acc-2', doomed), outcome('acc-1', kept)];
      await outcomes().upsertMany(docs.map((doc) => ({ doc, position: at(10) })));
      expect(await outcomes().deleteMany({ commandId: doomed, accountId: 'acc-2' })).toBe(1);
      expect(await outcomes().deleteMany({ commandId: doomed })).toBe(1);
      expect(await outcomes().find({ commandId: doomed })).toEqual([]);
      expect(await outcomes().find({ commandId: kept })).toEqual([docs[2]]);
      await outcomes().upsertMany([{ doc: docs[0], position: at(1) }]);
      expect(await outcomes().find({ commandId: doomed })).toEqual([docs[0]]);
    });

    it('answers a due-date range only with string dates in range, as a plan moves in and out of it', async () => {
      const plans = context.store().collection<Plan>(READ_COLLECTIONS.plans);
      const prefix = context.uniqueKey('plan');
      const docs: Plan[] = [
        { _id: `${prefix}-jan`, dueAt: '2026-01-31T15:00:00.000Z' },
        { _id: `${prefix}-feb`, dueAt: '2026-02-28T15:00:00.000Z' },
        { _id: `${prefix}-mar`, dueAt: '2026-03-31T15:00:00.000Z' },
        { _id: `${prefix}-jan-too`, dueAt: '2026-01-31T15:00:00.000Z' },
        { _id: `${prefix}-none`, dueAt: null },
        { _id: `${prefix}-missing` },
        { _id: `${prefix}-number`, dueAt: 5 },
      ];
      const [jan, feb, mar, janToo] = idsOf(docs);
      await plans.upsertMany(docs.map((doc) => ({ doc, position: at(1) })));
      const mine = { _id: { $in: idsOf(docs) } };
      const due = async (until: string, ...more: Filter[]) => idsOf(await plans.find({ $and: [{ dueAt: { $lte: until } }, mine, ...more] }, { sort: { dueAt: 1 } }));
      expect(await due('2026-02-28T15:00:00.000Z')).toEqual([jan, janToo, feb]);
      expect(idsOf(await plans.find({ dueAt: { $gt: '2026-01-31T15:00:00.000Z', $lte: '2026-12-31' }, ...mine }))).toEqual([feb, mar]);
      expect(await due('2026-12-31', { _id: { $nin: [jan, janToo] } })).toEqual([feb, mar]);
      await plans.upsertMany([
        { doc: { _id: jan, dueAt: '2026-04-30T15:00:00.000Z' }, position: at(2) },
        { doc: { _id: janToo, dueAt: null }, position: at(2) },
      ]);
      expect(await due('2026-02-01')).toEqual([]);
      expect(await due('2026-12-31')).toEqual([feb, mar, jan]);
    });

    it('forgets every key on drop and indexes the documents written after it', async () => {
      const run = context.uniqueKey('cmd');
      const doc = outcome('acc-1', run);
      await outcomes().upsertMany([{ doc, position: at(5) }]);
      await outcomes().drop();
      expect(await outcomes().find({ commandId: run })).toEqual([]);
      expect(await outcomes().count({})).toBe(0);
      await outcomes().upsertMany([{ doc, position: at(1) }]);
      expect(await outcomes().find({ commandId: run })).toEqual([doc]);
    });
  });
}
