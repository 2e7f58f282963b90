export { KurrentDBEventStore, openKurrentDBEventStore, type KurrentDBEventStoreOptions } from './kurrentdb-event-store';
