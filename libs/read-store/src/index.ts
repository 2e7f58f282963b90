export * from './read-store.port';
export { encodePosition, decodePosition, type EncodedPosition } from './position';
export * from './read-store.errors';
export * from './read-collections';
export { MemoryReadStore } from './memory/memory-read-store';
export { MemoryReplayCache, REPLAY_BUCKET_MS } from './memory/memory-replay-cache';
export { MongoReadStore, type MongoReadStoreOptions } from './mongo/mongo-read-store';
