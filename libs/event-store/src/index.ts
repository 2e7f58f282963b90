export * from './event-store.port';
export * from './sqlite';
export * from './kurrentdb';
export * from './upcasting';
export * from './shared/keyed-mutex';
