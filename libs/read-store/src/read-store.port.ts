/**
 * The read-store port: Mongo-shaped collections of read models written by an idempotent projector.
 * Every write carries the position of the event that produced it and is applied only when that
 * position is newer than the stored one, so replays and redeliveries never move a document back.
 * Semantics are pinned by the contract suite in ./contract, run against every adapter.
 */
import type { ReadPosition } from './position';

export type { ReadPosition } from './position';

export interface ReadDocument {
  readonly _id: string;
}

/** Values a filter compares against. ISO-8601 instants are strings and compare as strings. */
export type FilterScalar = string | number | boolean | null;

export interface FieldOperators {
  readonly $eq?: FilterScalar;
  readonly $ne?: FilterScalar;
  readonly $gt?: FilterScalar;
  readonly $gte?: FilterScalar;
  readonly $lt?: FilterScalar;
  readonly $lte?: FilterScalar;
  readonly $in?: readonly FilterScalar[];
  readonly $nin?: readonly FilterScalar[];
  readonly $exists?: boolean;
}

/** A scalar means equality; an object holds operators (several operators are ANDed). */
export type FieldCondition = FilterScalar | FieldOperators;

/**
 * The MongoDB filter subset both adapters implement identically: keys are field paths (`a.b`),
 * several keys are ANDed. Anything else is refused with UnsupportedQueryError, never approximated.
 * Range operators take a string, number or boolean and only match values of the same type; a range
 * against null is refused (use `$eq: null`, which matches null and missing fields, as in Mongo).
 * Paths must not traverse arrays (Mongo's element matching is outside the subset): the in-memory
 * adapter refuses such a document at query time.
 */
export interface Filter {
  readonly $and?: readonly Filter[];
  readonly $or?: readonly Filter[];
  readonly [path: string]: FieldCondition | readonly Filter[] | undefined;
}

/** Field path → direction, in priority order; `_id` ascending is always appended as the last key. */
export type SortSpec = Readonly<Record<string, 1 | -1>>;

/** Top-level fields, all 1 (inclusion) or all 0 (exclusion); `_id` may be 0 in an inclusion. */
export type Projection = Readonly<Record<string, 0 | 1>>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  /** Positive integer; omit for no limit. */
  readonly limit?: number;
}

export type Projected<T extends ReadDocument> = Partial<T> & ReadDocument;

export interface PositionedDocument<T extends ReadDocument> {
  readonly doc: T;
  readonly position: ReadPosition;
}

/** One page of a query and how many documents match in all (a list endpoint's two questions). */
export interface Page<T> {
  readonly documents: T[];
  readonly total: number;
}

export interface UpsertResult {
  /** Documents stored (new, or replacing an older position). */
  readonly written: number;
  /** Items ignored: stored position equal or newer, or superseded by a newer item of the same batch. */
  readonly skipped: number;
}

export interface ReadCollection<T extends ReadDocument> {
  /**
   * One bulk write per call. Each document replaces the stored one entirely when its position is
   * strictly newer; an equal position is an idempotent no-op. Within a batch the newest item per
   * `_id` wins, whatever the order.
   */
  upsertMany(items: readonly PositionedDocument<T>[]): Promise<UpsertResult>;
  get(id: string): Promise<T | undefined>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  find(filter: Filter, options: FindOptions & { readonly projection: Projection }): Promise<Projected<T>[]>;
  count(filter: Filter): Promise<number>;
  /**
   * `find(filter, options)` and `count(filter)` together: the in-memory adapter reads and decodes the
   * candidates once for both; MongoDB runs the two queries at once.
   */
  page(filter: Filter, options: FindOptions): Promise<Page<T>>;
  /** Removes matching documents and their positions: a later upsert at any position is applied. */
  deleteMany(filter: Filter): Promise<number>;
  /** Removes every document (a rebuild starts over); the collection's indexes stay in place. */
  drop(): Promise<void>;
}

/** Projection checkpoints. `set` overwrites unconditionally, so a rebuild can reset a projection. */
export interface Checkpoints {
  get(name: string): Promise<ReadPosition | undefined>;
  set(name: string, position: ReadPosition): Promise<void>;
}

export interface ReadStore {
  collection<T extends ReadDocument>(name: string): ReadCollection<T>;
  readonly checkpoints: Checkpoints;
  /**
   * The HMAC salt-replay cache shared by stateless API instances: true when the key was free (or
   * its previous claim has expired, judged by the store's clock) and is now held until expiresAt;
   * false while another claim holds it. expiresAt must lie after the store's clock.
   */
  claimOnce(key: string, expiresAt: Date): Promise<boolean>;
  /** Creates the indexes of READ_STORE_INDEXES; idempotent, called at start. */
  ensureIndexes(): Promise<void>;
  /** Resolves when the store answers; rejects with ReadStoreUnavailableError otherwise. */
  ping(): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
}

export interface ReadStoreOptions {
  /** Clock for replay-cache expiry; the real clock unless a test injects one. */
  readonly clock?: () => Date;
}
