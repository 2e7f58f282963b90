import { READ_COLLECTIONS, READ_STORE_INDEXES, indexedFieldsOf } from './read-collections';

describe('indexes planned for the read collections', () => {
  it('tells the in-memory adapter the leading field of each planned key, once per field', () => {
    expect(indexedFieldsOf(READ_COLLECTIONS.commandOutcomes)).toEqual(['commandId']);
    expect(indexedFieldsOf(READ_COLLECTIONS.billingLogs)).toEqual(['accountId']);
    expect(indexedFieldsOf(READ_COLLECTIONS.plans)).toEqual(['dueAt']);
    expect(indexedFieldsOf('portalSessions')).toEqual([]);
  });

  it('plans a commandId index, so an outcome is found without its account', () => {
    expect(READ_STORE_INDEXES).toContainEqual({ collection: READ_COLLECTIONS.commandOutcomes, key: { commandId: 1 } });
  });
});
