import { READ_COLLECTIONS, READ_STORE_INDEXES, indexPlansOf, indexedFieldsOf, versionedName } from './read-collections';

describe('indexes planned for the read collections', () => {
  it('tells the in-memory adapter the leading field of each planned key, once per field', () => {
    expect(indexedFieldsOf(READ_COLLECTIONS.commandOutcomes)).toEqual(['commandId', 'accountId']);
    expect(indexedFieldsOf(READ_COLLECTIONS.billingLogs)).toEqual(['accountId']);
    expect(indexedFieldsOf(READ_COLLECTIONS.plans)).toEqual(['dueAt']);
    expect(indexedFieldsOf('portalSessions')).toEqual([]);
  });

  it('plans a commandId index, so an outcome is found without its account', () => {
    expect(READ_STORE_INDEXES).toContainEqual({ collection: READ_COLLECTIONS.commandOutcomes, key: { commandId: 1 } });
  });

  it("gives a rebuilt version's collections the same indexes as the first version's", () => {
    expect(versionedName(READ_COLLECTIONS.billingLogs, 1)).toBe('billingLogs');
    expect(versionedName(READ_COLLECTIONS.billingLogs, 2)).toBe('billingLogs__v2');
    expect(indexPlansOf('billingLogs__v2')).toEqual(indexPlansOf(READ_COLLECTIONS.billingLogs));
    expect(indexPlansOf('billingLogs__v12')).toHaveLength(1);
    expect(indexedFieldsOf('plans__v3')).toEqual(['dueAt']);
    expect(indexPlansOf('billingLogs__vx')).toEqual([]);
  });
});
