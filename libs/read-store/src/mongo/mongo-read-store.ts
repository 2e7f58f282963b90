import { MongoClient, MongoServerError, type Db } from 'mongodb';
import type { Checkpoints, ReadCollection, ReadDocument, ReadStore, ReadStoreOptions } from '../read-store.port';
import { decodePosition, encodePosition, type ReadPosition } from '../position';
import { READ_COLLECTIONS, READ_STORE_INDEXES, indexPlansOf } from '../read-collections';
import { ReadStoreUnavailableError } from '../read-store.errors';
import { assertClaimable, systemClock } from '../replay-claim';
import { GuardIndexes } from './guard-index';
import type { StoredDocument } from './guarded-upsert';
import { MongoReadCollection } from './mongo-collection';
import { UpsertWriteModes } from './write-mode';

export interface MongoReadStoreOptions extends ReadStoreOptions {
  readonly url: string;
  readonly dbName: string;
  readonly serverSelectionTimeoutMS?: number;
}

interface CheckpointDocument {
  _id: string;
  position: string;
}

interface ClaimDocument {
  _id: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/** The read store on MongoDB. Single-document atomic writes only: no multi-document transactions. */
export class MongoReadStore implements ReadStore {
  private closed = false;
  private readonly clock: () => Date;
  private readonly guards: GuardIndexes;
  private readonly writeModes = new UpsertWriteModes();

  readonly checkpoints: Checkpoints = {
    get: async (name: string): Promise<ReadPosition | undefined> => {
      this.assertOpen();
      const stored = await this.db.collection<CheckpointDocument>(READ_COLLECTIONS.checkpoints).findOne({ _id: name });
      return stored ? decodePosition(stored.position) : undefined;
    },
    set: async (name: string, position: ReadPosition): Promise<void> => {
      this.assertOpen();
      const encoded = encodePosition(position);
      await this.db.collection<CheckpointDocument>(READ_COLLECTIONS.checkpoints).replaceOne({ _id: name }, { position: encoded }, { upsert: true });
    },
  };

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    options: ReadStoreOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.guards = new GuardIndexes(db);
  }

  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = new MongoClient(options.url, {
      ignoreUndefined: true,
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    });
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw new ReadStoreUnavailableError(`Cannot connect to the read store at ${options.url}: ${(error as Error).message}`, error);
    }
    return new MongoReadStore(client, client.db(options.dbName), options);
  }

  collection<T extends ReadDocument>(name: string): ReadCollection<T> {
    return new MongoReadCollection<T>(
      this.db.collection<StoredDocument>(name),
      () => this.assertOpen(),
      {
        // A rebuild's `…__v2` collections are not known at start, when the store's ensureIndexes runs.
        ensureIndexes: () => this.guards.ensure(name, () => this.createIndexes(name)),
        restore: async () => {
          await this.createIndexes(name);
          await this.guards.recreate(name);
        },
        shouldInsertFirst: () => this.writeModes.shouldInsertFirst(name),
        recordUpsert: (batchSize, stored) => this.writeModes.record(name, batchSize, stored),
      },
    );
  }

  /**
   * Insert wins a free key; a held key can be taken over only when its claim has expired. Expiry is
   * judged here by the store's clock because a TTL monitor deletes late (60 s sweeps on MongoDB) or
   * never (mongo-java-server); the TTL index only keeps the collection small.
   */
  async claimOnce(key: string, expiresAt: Date): Promise<boolean> {
    this.assertOpen();
    const now = this.clock();
    assertClaimable(key, expiresAt, now);
    const claims = this.db.collection<ClaimDocument>(READ_COLLECTIONS.replayCache);
    try {
      await claims.insertOne({ _id: key, expiresAt });
      return true;
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const takeover = await claims.updateOne({ _id: key, expiresAt: { $lte: now } }, { $set: { expiresAt } });
    return takeover.modifiedCount === 1;
  }

  async ensureIndexes(): Promise<void> {
    this.assertOpen();
    for (const name of new Set(READ_STORE_INDEXES.map((plan) => plan.collection))) await this.createIndexes(name);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await this.db.command({ ping: 1 });
    } catch (error) {
      throw new ReadStoreUnavailableError(`The read store does not answer: ${(error as Error).message}`, error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private async createIndexes(collection: string): Promise<void> {
    for (const plan of indexPlansOf(collection)) {
      const ttl = plan.expireAfterSeconds === undefined ? {} : { expireAfterSeconds: plan.expireAfterSeconds };
      await this.db.collection(collection).createIndex({ ...plan.key }, ttl);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailableError('The MongoDB read store is closed');
  }
}
