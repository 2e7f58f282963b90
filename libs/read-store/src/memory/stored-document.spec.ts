import { InvalidDocumentError } from '../read-store.errors';
import { exactJsonOf } from './stored-document';

describe('which documents the in-memory adapter keeps as JSON text', () => {
  it('gives the JSON text of a JSON document, without undefined properties and with null for undefined items, as BSON', () => {
    const doc = { _id: 'a', amount: 3, note: '환불 "x"\n', gone: undefined, items: [1, undefined], none: null };
    expect(JSON.parse(exactJsonOf(doc) ?? 'null')).toStrictEqual({ _id: 'a', amount: 3, note: '환불 "x"\n', items: [1, null], none: null });
  });

  it.each([
    ['a Date', { _id: 'a', at: new Date(0) }],
    ['-0', { _id: 'a', nested: { zero: -0 } }],
    ['NaN', { _id: 'a', list: [Number.NaN] }],
    ['an infinity', { _id: 'a', n: Number.NEGATIVE_INFINITY }],
  ])('gives no text for a document holding %s, which JSON would change', (_, doc) => {
    expect(exactJsonOf(doc)).toBeUndefined();
  });

  it('refuses values BSON cannot round-trip', () => {
    expect(() => exactJsonOf({ _id: 'a', n: 1n })).toThrow(InvalidDocumentError);
    expect(() => exactJsonOf({ _id: 'a', m: new Map() })).toThrow(InvalidDocumentError);
    expect(() => exactJsonOf({ _id: 'a', f: () => 1 })).toThrow(InvalidDocumentError);
  });
});
