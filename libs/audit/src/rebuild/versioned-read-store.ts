import type { Checkpoints, Filter, FindOptions, Page, PositionedDocument, Projected, Projection, ReadCollection, ReadDocument, ReadStore, UpsertResult } from '@ledger/read-store';
import { isVersioned, readPointer, versionedName } from './read-model-pointer';

type VersionSource = () => Promise<number>;

class VersionedCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly base: ReadStore,
    private readonly name: string,
    private readonly version: VersionSource,
  ) {}

  private async target(): Promise<ReadCollection<T>> {
    return this.base.collection<T>(versionedName(this.name, await this.version()));
  }

  async upsertMany(items: readonly PositionedDocument<T>[]): Promise<UpsertResult> {
    return (await this.target()).upsertMany(items);
  }
  async get(id: string): Promise<T | undefined> {
    return (await this.target()).get(id);
  }
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  find(filter: Filter, options: FindOptions & { readonly projection: Projection }): Promise<Projected<T>[]>;
  async find(filter: Filter, options?: FindOptions & { readonly projection?: Projection }): Promise<T[] | Projected<T>[]> {
    const target = await this.target();
    return options?.projection ? target.find(filter, { ...options, projection: options.projection }) : target.find(filter, options);
  }
  async count(filter: Filter): Promise<number> {
    return (await this.target()).count(filter);
  }
  async page(filter: Filter, options: FindOptions): Promise<Page<T>> {
    return (await this.target()).page(filter, options);
  }
  async deleteMany(filter: Filter): Promise<number> {
    return (await this.target()).deleteMany(filter);
  }
  async drop(): Promise<void> {
    return (await this.target()).drop();
  }
}

export interface VersionedReadStoreOptions {
  /** A fixed version (a rebuild writing beside the live one); default: follow the live pointer. */
  readonly version?: number;
  /** How long the pointer is trusted before it is read again: bounds how late an instance sees a switch. */
  readonly pointerTtlMs?: number;
  readonly now?: () => number;
}

/**
 * Blue-green read models: the read-model collections and their checkpoints resolve to the version the
 * pointer names (or a fixed one); every other collection passes through. Readers and the projector
 * that go through it switch together when the pointer flips.
 */
export class VersionedReadStore implements ReadStore {
  private cached?: { version: number; readAt: number };
  readonly checkpoints: Checkpoints;

  constructor(
    readonly base: ReadStore,
    private readonly options: VersionedReadStoreOptions = {},
  ) {
    this.checkpoints = {
      get: async (name) => base.checkpoints.get(versionedName(name, await this.version())),
      set: async (name, position) => base.checkpoints.set(versionedName(name, await this.version()), position),
    };
  }

  /** The version this view reads and writes now. */
  async version(): Promise<number> {
    if (this.options.version !== undefined) return this.options.version;
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.readAt < (this.options.pointerTtlMs ?? 1000)) return this.cached.version;
    const { live } = await readPointer(this.base);
    this.cached = { version: live, readAt: now };
    return live;
  }

  collection<T extends ReadDocument>(name: string): ReadCollection<T> {
    return isVersioned(name) ? new VersionedCollection<T>(this.base, name, () => this.version()) : this.base.collection<T>(name);
  }

  claimOnce(key: string, expiresAt: Date): Promise<boolean> {
    return this.base.claimOnce(key, expiresAt);
  }
  ensureIndexes(): Promise<void> {
    return this.base.ensureIndexes();
  }
  ping(): Promise<void> {
    return this.base.ping();
  }
  close(): Promise<void> {
    return this.base.close();
  }
}
