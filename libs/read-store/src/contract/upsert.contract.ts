import { describe, expect, it } from '@jest/globals';
import { InvalidDocumentError } from '../read-store.errors';
import type { ReadDocument } from '../read-store.port';
import { at, idsOf, type ContractContext } from './contract-context';

interface Log extends ReadDocument {
  accountId: string;
  amount: number;
  note?: string | null;
  lines?: { metric: string; units: number }[];
}

const log = (id: string, amount: number, extra: Partial<Log> = {}): Log => ({ _id: id, accountId: 'acc-1', amount, ...extra });

export function describeUpsertContract(context: ContractContext): void {
  describe('upsert and get', () => {
    it('stores a document and returns it by id; an unknown id is undefined', async () => {
      const logs = context.freshCollection<Log>();
      const stored = log('L1', 100, { lines: [{ metric: 'messages', units: 3 }], note: null });
      expect(await logs.upsertMany([{ doc: stored, position: at(1) }])).toEqual({ written: 1, skipped: 0 });
      expect(await logs.get('L1')).toEqual(stored);
      expect(await logs.get('L2')).toBeUndefined();
      expect(await logs.upsertMany([])).toEqual({ written: 0, skipped: 0 });
    });

    it('ignores an older position, treats an equal one as a no-op, and lets a newer one replace the whole document', async () => {
      const logs = context.freshCollection<Log>();
      await logs.upsertMany([{ doc: log('L1', 200, { note: 'v5' }), position: at(5) }]);
      expect(await logs.upsertMany([{ doc: log('L1', 100), position: at(4) }])).toEqual({ written: 0, skipped: 1 });
      expect(await logs.upsertMany([{ doc: log('L1', 999), position: at(5) }])).toEqual({ written: 0, skipped: 1 });
      expect(await logs.get('L1')).toEqual(log('L1', 200, { note: 'v5' }));
      expect(await logs.upsertMany([{ doc: log('L1', 300), position: at(6) }])).toEqual({ written: 1, skipped: 0 });
      expect(await logs.get('L1')).toEqual(log('L1', 300));
    });

    it('applies a mixed batch: new, older, equal and newer documents, and several versions of one id in any order', async () => {
      const logs = context.freshCollection<Log>();
      await logs.upsertMany([10, 20, 30].map((n) => ({ doc: log(`L${n}`, n), position: at(n) })));
      const result = await logs.upsertMany([
        { doc: log('L10', -1), position: at(9) },
        { doc: log('L20', -2), position: at(20) },
        { doc: log('L30', 31), position: at(31) },
        { doc: log('L40', 42), position: at(42) },
        { doc: log('L40', 41), position: at(41) },
        { doc: log('L50', 50), position: at(50) },
        { doc: log('L50', 49), position: at(49) },
      ]);
      expect(result).toEqual({ written: 3, skipped: 4 });
      const amounts = (await logs.find({}, { sort: { _id: 1 } })).map((doc) => [doc._id, doc.amount]);
      expect(amounts).toEqual([['L10', 10], ['L20', 20], ['L30', 31], ['L40', 42], ['L50', 50]]);
    });

    it('orders positions numerically, by commit then prepare, up to 2^64 - 1', async () => {
      const logs = context.freshCollection<Log>();
      const max = (1n << 64n) - 1n;
      await logs.upsertMany([{ doc: log('L1', 9), position: at(9) }]);
      expect((await logs.upsertMany([{ doc: log('L1', 10), position: at(10) }])).written).toBe(1);
      expect((await logs.upsertMany([{ doc: log('L1', 11), position: { commit: 10n, prepare: 11n } }])).written).toBe(1);
      expect((await logs.upsertMany([{ doc: log('L1', 0), position: { commit: 10n, prepare: 2n } }])).written).toBe(0);
      expect((await logs.upsertMany([{ doc: log('L1', 12), position: { commit: max, prepare: max } }])).written).toBe(1);
      expect((await logs.get('L1'))?.amount).toBe(12);
      await expect(logs.upsertMany([{ doc: log('L1', 0), position: { commit: -1n, prepare: 0n } }])).rejects.toThrow(RangeError);
    });

    it('refuses documents without a string _id or with the reserved _position field', async () => {
      const logs = context.freshCollection<Log>();
      await expect(logs.upsertMany([{ doc: { ...log('', 1) }, position: at(1) }])).rejects.toThrow(InvalidDocumentError);
      await expect(logs.upsertMany([{ doc: { ...log('L1', 1), _position: 'x' } as Log, position: at(1) }])).rejects.toThrow(InvalidDocumentError);
      expect(await logs.count({})).toBe(0);
    });

    it('stores an undefined property as a missing field', async () => {
      const logs = context.freshCollection<Log>();
      await logs.upsertMany([{ doc: log('L1', 1, { note: undefined }), position: at(1) }]);
      expect(Object.keys((await logs.get('L1')) ?? {})).not.toContain('note');
      expect(idsOf(await logs.find({ note: { $exists: false } }))).toEqual(['L1']);
    });

    it('keeps stored state isolated from the caller’s objects', async () => {
      const logs = context.freshCollection<Log>();
      const original = log('L1', 1, { lines: [{ metric: 'messages', units: 3 }] });
      await logs.upsertMany([{ doc: original, position: at(1) }]);
      original.lines?.push({ metric: 'contacts', units: 1 });
      original.amount = 2;
      const fetched = await logs.get('L1');
      fetched?.lines?.push({ metric: 'seats', units: 9 });
      const [found] = await logs.find({ _id: 'L1' });
      found.lines?.splice(0);
      expect(await logs.get('L1')).toEqual(log('L1', 1, { lines: [{ metric: 'messages', units: 3 }] }));
    });

    it('writes, counts and guards a batch of 10,000 documents', async () => {
      const logs = context.freshCollection<Log>();
      const batch = Array.from({ length: 10_000 }, (_, i) => ({ doc: log(`L${i}`, i, { accountId: `acc-${i % 100}` }), position: at(i + 1) }));
      expect(await logs.upsertMany(batch)).toEqual({ written: 10_000, skipped: 0 });
      expect(await logs.count({})).toBe(10_000);
      expect(await logs.count({ accountId: 'acc-7' })).toBe(100);
      expect(await logs.upsertMany(batch)).toEqual({ written: 0, skipped: 10_000 });
      // A replay overlapping new events: every 20th document has moved on, the rest are replayed.
      const mixed = batch.map(({ doc, position }, i) =>
        i % 20 === 0 ? { doc: { ...doc, amount: -doc.amount }, position: { ...position, commit: position.commit + 20_000n } } : { doc, position },
      );
      expect(await logs.upsertMany(mixed)).toEqual({ written: 500, skipped: 9_500 });
      expect((await logs.get('L9980'))?.amount).toBe(-9980);
      expect((await logs.get('L9999'))?.amount).toBe(9999);
    }, 60_000);
  });
}
