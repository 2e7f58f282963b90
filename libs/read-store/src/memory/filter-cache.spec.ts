import { UnsupportedQueryError } from '../read-store.errors';
import type { Filter } from '../read-store.port';
import { FilterCache } from './filter-cache';

describe('compiled filter cache of the in-memory adapter', () => {
  it('compiles a filter once and serves the same compilation to an equal filter', () => {
    const cache = new FilterCache();
    const first = cache.get({ accountId: 'acc-1', actionDate: { $lt: '2030-01-01' } });
    expect(cache.get({ accountId: 'acc-1', actionDate: { $lt: '2030-01-01' } })).toBe(first);
    expect(cache.get({ accountId: 'acc-2', actionDate: { $lt: '2030-01-01' } })).not.toBe(first);
  });

  it('still refuses what JSON would hide behind a cached text (undefined, Dates, NaN)', () => {
    const cache = new FilterCache();
    cache.get({});
    cache.get({ actionDate: '2025-01-01T00:00:00.000Z' });
    cache.get({ amount: null });
    expect(() => cache.get({ note: undefined })).toThrow(UnsupportedQueryError);
    expect(() => cache.get({ actionDate: new Date('2025-01-01T00:00:00.000Z') } as unknown as Filter)).toThrow(UnsupportedQueryError);
    expect(() => cache.get({ amount: Number.NaN })).toThrow(UnsupportedQueryError);
  });

  it('derives the string literals every match must contain, and none from $or branches or other operators', () => {
    const cache = new FilterCache();
    const prepared = cache.get({ accountId: 'acc-"1"', $and: [{ status: { $eq: 'PAID' } }], amount: { $gt: 'b' }, n: 3, $or: [{ x: 'y' }] });
    expect(prepared.needles.map(String)).toEqual(['"acc-\\"1\\""', '"PAID"']);
    expect(cache.get({}).matchesAll).toBe(true);
    expect(prepared.matchesAll).toBe(false);
  });
});
