import { MongoServerError, type Collection, type Filter as MongoFilter } from 'mongodb';
import type { Filter, FindOptions, Page, PositionedDocument, Projected, Projection, ReadCollection, ReadDocument, UpsertResult } from '../read-store.port';
import { POSITION_FIELD, prepareUpsertBatch } from '../document/upsert-batch';
import { compileFilter } from '../query/compile-filter';
import { compileFindOptions } from '../query/find-options';
import type { CompiledProjection } from '../query/projection';
import { toMongoSort } from '../query/sort';
import { guardedUpsert, type StoredDocument } from './guarded-upsert';

const HIDE_POSITION = { [POSITION_FIELD]: 0 } as const;

function mongoProjection(projection: CompiledProjection | undefined): Record<string, 0 | 1> {
  if (!projection) return HIDE_POSITION;
  switch (projection.mode) {
    case 'include':
      return { ...Object.fromEntries(projection.fields.map((field) => [field, 1])), _id: projection.withId ? 1 : 0 };
    case 'exclude':
      return { ...Object.fromEntries(projection.fields.map((field) => [field, 0])), ...HIDE_POSITION };
  }
}

/** Validates against the subset first, so Mongo never receives a filter the in-memory adapter would refuse. */
function checkedFilter(filter: Filter): MongoFilter<StoredDocument> {
  compileFilter(filter);
  return filter as MongoFilter<StoredDocument>;
}

/** mongo-java-server reports a missing collection as "ns not found" without MongoDB's code 26. */
const isNamespaceNotFound = (error: unknown): boolean =>
  error instanceof MongoServerError && (error.code === 26 || error.message === 'ns not found');

/** What a collection needs from its store's bookkeeping: indexes and the upsert write mode. */
export interface CollectionBookkeeping {
  /**
   * The collection's indexes before its first write: the position guard's (guard-index.ts) and the
   * planned ones, created once per collection and store.
   */
  ensureIndexes(): Promise<void>;
  /** Puts back the planned indexes and the guard's after a drop. */
  restore(): Promise<void>;
  /** Whether the next upsert may insert without reading positions first (write-mode.ts). */
  shouldInsertFirst(): boolean;
  /** How many ids of an upsert batch were found stored, for the next batch's choice. */
  recordUpsert(batchSize: number, stored: number): void;
}

export class MongoReadCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly collection: Collection<StoredDocument>,
    private readonly assertOpen: () => void,
    private readonly bookkeeping: CollectionBookkeeping,
  ) {}

  async upsertMany(items: readonly PositionedDocument<T>[]): Promise<UpsertResult> {
    this.assertOpen();
    const batch = prepareUpsertBatch(items);
    if (batch.length === 0) return { written: 0, skipped: items.length };
    await this.bookkeeping.ensureIndexes();
    const { written, existing } = await guardedUpsert(this.collection, batch, { insertFirst: this.bookkeeping.shouldInsertFirst() });
    this.bookkeeping.recordUpsert(batch.length, existing);
    return { written, skipped: items.length - written };
  }

  async get(id: string): Promise<T | undefined> {
    this.assertOpen();
    const doc = await this.collection.findOne({ _id: id }, { projection: HIDE_POSITION });
    return (doc ?? undefined) as T | undefined;
  }

  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  find(filter: Filter, options: FindOptions & { readonly projection: Projection }): Promise<Projected<T>[]>;
  async find(filter: Filter, options?: FindOptions & { readonly projection?: Projection }): Promise<T[] | Projected<T>[]> {
    this.assertOpen();
    const mongoFilter = checkedFilter(filter);
    const { sort, skip, limit, projection } = compileFindOptions(options);
    const cursor = this.collection.find(mongoFilter, { projection: mongoProjection(projection), sort: toMongoSort(sort), skip });
    if (limit !== undefined) cursor.limit(limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  async count(filter: Filter): Promise<number> {
    this.assertOpen();
    return this.collection.countDocuments(checkedFilter(filter));
  }

  async page(filter: Filter, options: FindOptions): Promise<Page<T>> {
    const [documents, total] = await Promise.all([this.find(filter, options), this.count(filter)]);
    return { documents, total };
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.assertOpen();
    return (await this.collection.deleteMany(checkedFilter(filter))).deletedCount;
  }

  /** Dropping is O(1) where deleting a rebuilt collection is O(n); its indexes are put back at once. */
  async drop(): Promise<void> {
    this.assertOpen();
    try {
      await this.collection.drop();
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
    }
    await this.bookkeeping.restore();
  }
}
