import { compileFilter } from '../query/compile-filter';
import type { Filter } from '../read-store.port';
import { keyPinsOf } from './key-pin';

const pinsOf = (filter: Filter) => keyPinsOf(compileFilter(filter));

describe('key pins of the in-memory adapter', () => {
  it('pins a top-level field that only string values can satisfy, also inside $and', () => {
    const pins = pinsOf({ commandId: 'c1', $and: [{ dueAt: { $lte: '2026-01-01' } }, { accountId: { $in: ['a', 'b', 'a'] } }] });
    expect([...pins.keys()].sort()).toEqual(['accountId', 'commandId', 'dueAt']);
    expect(pins.get('commandId')?.listed).toEqual(['c1']);
    expect(pins.get('accountId')?.listed).toEqual(['a', 'b']);
    expect(pins.get('dueAt')?.listed).toBeUndefined();
    expect(pins.get('dueAt')?.accepts('2025-12-31')).toBe(true);
    expect(pins.get('dueAt')?.accepts('2026-01-02')).toBe(false);
  });

  it('lists only the named keys that pass every test on the field', () => {
    const pins = pinsOf({ accountId: { $in: ['a', 'b', 'c'], $ne: 'b' }, status: { $in: [] } });
    expect(pins.get('accountId')?.listed).toEqual(['a', 'c']);
    expect(pins.get('status')?.listed).toEqual([]);
  });

  it.each<[string, Filter]>([
    ['a test a non-string passes', { a: { $ne: 'x' } }],
    ['null, which matches a missing field', { a: null }],
    ['a number', { a: { $lte: 3 } }],
    ['$in with a non-string', { a: { $in: ['x', null] } }],
    ['$or branches', { $or: [{ a: 'x' }] }],
    ['a nested path', { 'a.b': 'x' }],
  ])('does not pin on %s', (_, filter) => {
    expect(pinsOf(filter).size).toBe(0);
  });
});
