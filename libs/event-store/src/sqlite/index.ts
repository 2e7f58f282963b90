export { openSqliteEventStore, SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
export { snapshotSqliteFile } from './sqlite-snapshot';
