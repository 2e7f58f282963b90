import { diffCollection, diffFields } from './diff-documents';

describe('diffCollection', () => {
  it('names missing, unexpected and changed documents with each differing field', () => {
    const stored = new Map([
      ['a', { _id: 'a', total: 1, steps: ['x'] }],
      ['b', { _id: 'b', total: 2 }],
    ]);
    const replayed = new Map([
      ['a', { _id: 'a', total: 1, steps: ['y'] }],
      ['c', { _id: 'c', total: 3 }],
    ]);
    expect(diffCollection('logs', stored, replayed)).toEqual([
      { collection: 'logs', id: 'a', kind: 'changed', fields: [{ field: 'steps', current: ['x'], replayed: ['y'] }] },
      { collection: 'logs', id: 'b', kind: 'unexpected', fields: [] },
      { collection: 'logs', id: 'c', kind: 'missing', fields: [] },
    ]);
  });

  it('ignores key order inside nested values, and treats a missing field like null', () => {
    const stored = { _id: 'a', card: { brand: 'VISA', last4: '4242' }, note: null };
    const replayed = { _id: 'a', card: { last4: '4242', brand: 'VISA' } };
    expect(diffFields(stored, replayed)).toEqual([]);
  });
});
