import { beforeAll, describe, expect, it } from '@jest/globals';
import { UnsupportedQueryError } from '../read-store.errors';
import type { Filter, ReadCollection, ReadDocument } from '../read-store.port';
import { at, idsOf, type ContractContext } from './contract-context';

type Row = ReadDocument & Record<string, unknown>;

const ROWS: Row[] = [
  { _id: 'a', accountId: 'acc-1', amount: 100, status: 'COMPLETED', actionDate: '2024-01-15T00:00:00.000Z', meta: { tier: 'PRO', seats: 3 }, note: null, paid: true },
  { _id: 'b', accountId: 'acc-1', amount: 0, status: 'FAILED', actionDate: '2024-02-01T00:00:00.000Z', meta: { tier: 'FREE', seats: 1 }, paid: false },
  { _id: 'c', accountId: 'acc-2', amount: 2500.5, status: 'COMPLETED', actionDate: '2023-12-31T23:59:59.999Z', meta: { tier: 'PRO', seats: null }, note: 'x' },
  { _id: 'd', accountId: 'acc-2', amount: -50, status: 'REFUNDED', actionDate: '2024-01-15T00:00:00.000Z', meta: null },
  { _id: 'e', accountId: 'acc-3', amount: '100', status: 'COMPLETED' },
];

const CASES: [string, Filter, string[]][] = [
  ['empty filter', {}, ['a', 'b', 'c', 'd', 'e']],
  ['implicit equality', { accountId: 'acc-1' }, ['a', 'b']],
  ['$eq', { accountId: { $eq: 'acc-2' } }, ['c', 'd']],
  ['$ne', { status: { $ne: 'COMPLETED' } }, ['b', 'd']],
  ['equality never crosses types', { amount: 100 }, ['a']],
  ['$gt on numbers', { amount: { $gt: 0 } }, ['a', 'c']],
  ['$gte on numbers', { amount: { $gte: 0 } }, ['a', 'b', 'c']],
  ['$lt on numbers', { amount: { $lt: 0 } }, ['d']],
  ['$lte on numbers', { amount: { $lte: 100 } }, ['a', 'b', 'd']],
  ['$gt on strings only compares strings', { amount: { $gt: '0' } }, ['e']],
  ['ISO dates compare as strings', { actionDate: { $gte: '2024-01-01T00:00:00.000Z', $lt: '2024-02-01T00:00:00.000Z' } }, ['a', 'd']],
  ['$in', { status: { $in: ['FAILED', 'REFUNDED'] } }, ['b', 'd']],
  ['$nin (missing fields too)', { note: { $nin: ['x'] } }, ['a', 'b', 'd', 'e']],
  ['empty $in matches nothing', { status: { $in: [] } }, []],
  ['$in with null matches null and missing', { note: { $in: [null] } }, ['a', 'b', 'd', 'e']],
  ['$nin with null', { note: { $nin: [null] } }, ['c']],
  ['nested equality', { 'meta.tier': 'PRO' }, ['a', 'c']],
  ['nested comparison', { 'meta.seats': { $gte: 2 } }, ['a']],
  ['nested null: null, missing, and under a null parent', { 'meta.seats': null }, ['c', 'd', 'e']],
  ['nested $exists true', { 'meta.seats': { $exists: true } }, ['a', 'b', 'c']],
  ['nested $exists false', { 'meta.seats': { $exists: false } }, ['d', 'e']],
  ['path through a string is missing', { 'meta.tier.x': { $exists: false } }, ['a', 'b', 'c', 'd', 'e']],
  ['null matches null and missing', { note: null }, ['a', 'b', 'd', 'e']],
  ['$exists true includes null values', { note: { $exists: true } }, ['a', 'c']],
  ['null but present', { note: { $exists: true, $eq: null } }, ['a']],
  ['$ne null means present and not null', { note: { $ne: null } }, ['c']],
  ['an embedded document is not null', { meta: null }, ['d', 'e']],
  ['a document never equals a scalar', { meta: { $ne: 'PRO' } }, ['a', 'b', 'c', 'd', 'e']],
  ['booleans', { paid: true }, ['a']],
  ['$ne on booleans includes missing', { paid: { $ne: true } }, ['b', 'c', 'd', 'e']],
  ['several fields are ANDed', { accountId: 'acc-1', status: 'FAILED' }, ['b']],
  ['account $in with a range', { accountId: { $in: ['acc-1', 'acc-3'] }, amount: { $gte: 100 } }, ['a']],
  ['$or', { $or: [{ accountId: 'acc-3' }, { amount: { $lt: 0 } }] }, ['d', 'e']],
  ['$and with a nested $or', { $and: [{ status: 'COMPLETED' }, { $or: [{ 'meta.tier': 'PRO' }, { accountId: 'acc-3' }] }] }, ['a', 'c', 'e']],
  ['_id equality', { _id: 'c' }, ['c']],
  ['_id $in', { _id: { $in: ['e', 'a', 'zz'] } }, ['a', 'e']],
];

const UNSUPPORTED: [string, Filter][] = [
  ['unknown operator', { amount: { $regex: 'x' } as never }],
  ['top-level operator outside the subset', { $nor: [{ amount: 1 }] } as never],
  ['embedded-document equality', { meta: { tier: 'PRO' } } as never],
  ['operator mixed with a field', { amount: { $gt: 1, tier: 2 } } as never],
  ['empty $or', { $or: [] }],
  ['$in without an array', { status: { $in: 'x' } as never }],
  ['undefined value', { status: undefined }],
  ['NaN', { amount: NaN }],
  ['array equality', { status: ['a'] } as never],
  ['Date value', { actionDate: new Date() } as never],
  ['empty condition', { amount: {} }],
  ['$exists with a number', { amount: { $exists: 1 } as never }],
  ['empty path segment', { 'meta..tier': 1 }],
  ['a range against null', { note: { $gte: null } }],
  ['the internal position field', { _position: { $exists: true } }],
];

export function describeFilterContract(context: ContractContext): void {
  describe('filter subset', () => {
    let rows: ReadCollection<Row>;

    beforeAll(async () => {
      rows = context.freshCollection<Row>();
      await rows.upsertMany(ROWS.map((doc, i) => ({ doc, position: at(i + 1) })));
    });

    it.each(CASES)('%s', async (_, filter, expected) => {
      expect(idsOf(await rows.find(filter)).sort()).toEqual(expected);
      expect(await rows.count(filter)).toBe(expected.length);
    });

    it.each(UNSUPPORTED)('refuses %s in find, count and deleteMany', async (_, filter) => {
      await expect(rows.find(filter)).rejects.toThrow(UnsupportedQueryError);
      await expect(rows.count(filter)).rejects.toThrow(UnsupportedQueryError);
      await expect(rows.deleteMany(filter)).rejects.toThrow(UnsupportedQueryError);
      expect(await rows.count({})).toBe(ROWS.length);
    });
  });
}
