import type { Checkpoints, ReadCollection, ReadDocument, ReadStore, ReadStoreOptions } from '../read-store.port';
import { decodePosition, encodePosition, type ReadPosition } from '../position';
import { indexedFieldsOf } from '../read-collections';
import { ReadStoreUnavailableError } from '../read-store.errors';
import { assertClaimable, systemClock } from '../replay-claim';
import { FilterCache } from './filter-cache';
import { MemoryCollection } from './memory-collection';
import { MemoryReplayCache } from './memory-replay-cache';

/** The embedded read store: rebuilt from the event store at start, gone at exit. */
export class MemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, MemoryCollection<ReadDocument>>();
  private readonly positionsByCheckpoint = new Map<string, string>();
  private readonly replayCache = new MemoryReplayCache();
  private readonly filters = new FilterCache();
  private readonly clock: () => Date;
  private closed = false;

  readonly checkpoints: Checkpoints = {
    get: async (name: string): Promise<ReadPosition | undefined> => {
      this.assertOpen();
      const encoded = this.positionsByCheckpoint.get(name);
      return encoded === undefined ? undefined : decodePosition(encoded);
    },
    set: async (name: string, position: ReadPosition): Promise<void> => {
      this.assertOpen();
      this.positionsByCheckpoint.set(name, encodePosition(position));
    },
  };

  constructor(options: ReadStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  collection<T extends ReadDocument>(name: string): ReadCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new MemoryCollection(() => this.assertOpen(), this.filters, indexedFieldsOf(name))));
    return collection as unknown as ReadCollection<T>;
  }

  async claimOnce(key: string, expiresAt: Date): Promise<boolean> {
    this.assertOpen();
    const now = this.clock();
    assertClaimable(key, expiresAt, now);
    return this.replayCache.claim(key, expiresAt, now);
  }

  /** Collections index `_id` and the fields READ_STORE_INDEXES plans for them from the start; nothing to create. */
  async ensureIndexes(): Promise<void> {
    this.assertOpen();
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailableError('The in-memory read store is closed');
  }
}
