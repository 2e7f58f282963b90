// The Mongo adapter's position guard under interleaving: another writer changes a document between
// the guard's read of the stored position and its compare-and-set write. The interleaving is forced
// by running the other writer right after the guard's read returns, on the real MongoDB-wire server.
import { randomUUID } from 'node:crypto';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { MongoReadStore, encodePosition } from '@ledger/read-store';
import { at } from '../../libs/read-store/src/contract/contract-context';
import { prepareUpsertBatch } from '../../libs/read-store/src/document/upsert-batch';
import { GUARD_INDEX_KEY } from '../../libs/read-store/src/mongo/guard-index';
import { guardedUpsert, type StoredDocument } from '../../libs/read-store/src/mongo/guarded-upsert';

const url = process.env.MONGO_URL;
if (!url) throw new Error('MONGO_URL is not set; the integration global setup starts mongo-java-server and exports it.');
const dbName = `guarded_upsert_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

interface Versioned {
  _id: string;
  version: number;
}

const upsert = async (collection: Collection<StoredDocument>, version: number, insertFirst = false) =>
  (await guardedUpsert(collection, prepareUpsertBatch<Versioned>([{ doc: { _id: 'D1', version }, position: at(version) }]), { insertFirst })).written;

/** The collection, except that `between` runs once, right after the first position read returns. */
function interleaved(collection: Collection<StoredDocument>, between: () => Promise<unknown>): Collection<StoredDocument> {
  let pending: (() => Promise<unknown>) | undefined = between;
  const find = (...args: Parameters<Collection<StoredDocument>['find']>) => {
    const cursor = collection.find(...args);
    return {
      toArray: async () => {
        const read = await cursor.toArray();
        const run = pending;
        pending = undefined;
        await run?.();
        return read;
      },
    };
  };
  return Object.create(collection, { find: { value: find } }) as Collection<StoredDocument>;
}

describe('MongoDB adapter: position guard against a concurrent writer', () => {
  let mongo: MongoClient;
  let db: Db;
  let collection: Collection<StoredDocument>;

  beforeAll(async () => {
    mongo = await new MongoClient(url).connect();
    db = mongo.db(dbName);
  });
  afterAll(async () => {
    await db.dropDatabase();
    await mongo.close();
  });
  beforeEach(async () => {
    collection = db.collection<StoredDocument>(`docs_${randomUUID().slice(0, 8)}`);
    await upsert(collection, 5);
  });

  const stored = async () => collection.findOne({ _id: 'D1' });

  it('skips its write when the document moved past it after the read', async () => {
    const written = await upsert(interleaved(collection, () => upsert(collection, 7)), 6);
    expect(written).toBe(0);
    expect(await stored()).toEqual({ _id: 'D1', version: 7, _position: encodePosition(at(7)) });
  });

  it('writes on a fresh read when the document moved on but is still older', async () => {
    const written = await upsert(interleaved(collection, () => upsert(collection, 7)), 8);
    expect(written).toBe(1);
    expect(await stored()).toEqual({ _id: 'D1', version: 8, _position: encodePosition(at(8)) });
  });

  it('inserts when the document was deleted after the read', async () => {
    const written = await upsert(interleaved(collection, () => collection.deleteOne({ _id: 'D1' })), 6);
    expect(written).toBe(1);
    expect(await stored()).toEqual({ _id: 'D1', version: 6, _position: encodePosition(at(6)) });
  });

  it('an optimistic insert that meets a document moving past it skips its write', async () => {
    const written = await upsert(interleaved(collection, () => upsert(collection, 7)), 6, true);
    expect(written).toBe(0);
    expect(await stored()).toEqual({ _id: 'D1', version: 7, _position: encodePosition(at(7)) });
  });
});

describe('MongoDB adapter: optimistic insert (no position read) meeting a stored document', () => {
  let mongo: MongoClient;
  let collection: Collection<StoredDocument>;

  beforeAll(async () => {
    mongo = await new MongoClient(url).connect();
  });
  afterAll(async () => {
    await mongo.db(dbName).dropDatabase();
    await mongo.close();
  });
  beforeEach(async () => {
    collection = mongo.db(dbName).collection<StoredDocument>(`optimistic_${randomUUID().slice(0, 8)}`);
    await collection.createIndex({ ...GUARD_INDEX_KEY }, { unique: true });
    await upsert(collection, 5);
  });

  const stored = async () => collection.findOne({ _id: 'D1' });
  const insertFirst = (version: number) =>
    guardedUpsert(collection, prepareUpsertBatch<Versioned>([{ doc: { _id: 'D1', version }, position: at(version) }]), { insertFirst: true });

  it.each([
    { case: 'older', version: 6, written: 1, kept: 6 },
    { case: 'equal', version: 5, written: 0, kept: 5 },
    { case: 'newer', version: 4, written: 0, kept: 5 },
  ])('stored at an $case position than the stored one: replaced only when newer', async ({ version, written, kept }) => {
    expect(await insertFirst(version)).toEqual({ written, existing: 1 });
    expect(await stored()).toEqual({ _id: 'D1', version: kept, _position: encodePosition(at(kept)) });
  });

  it('a replayed batch writes nothing and inserts the ids that are new', async () => {
    const replay = [1, 2, 3].map((n) => ({ doc: { _id: `R${n}`, version: 10 + n }, position: at(10 + n) }));
    await guardedUpsert(collection, prepareUpsertBatch<Versioned>(replay));
    const before = await collection.find({}).sort({ _id: 1 }).toArray();
    const replayed = await guardedUpsert(collection, prepareUpsertBatch<Versioned>(replay), { insertFirst: true });
    expect(replayed).toEqual({ written: 0, existing: 3 });
    expect(await collection.find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    const mixed = [...replay, { doc: { _id: 'R4', version: 14 }, position: at(14) }];
    expect(await guardedUpsert(collection, prepareUpsertBatch<Versioned>(mixed), { insertFirst: true })).toEqual({ written: 1, existing: 3 });
  });
});

describe('MongoDB adapter: the guard index', () => {
  let store: MongoReadStore;
  let mongo: MongoClient;

  beforeAll(async () => {
    store = await MongoReadStore.connect({ url, dbName });
    mongo = await new MongoClient(url).connect();
  });
  afterAll(async () => {
    await store.close();
    await mongo.close();
  });

  const guardIndexOf = async (name: string) =>
    (await mongo.db(dbName).collection(name).indexes()).find((index) => JSON.stringify(index.key) === JSON.stringify(GUARD_INDEX_KEY));

  it('is created, unique, by the first upsert of a collection and again after a drop', async () => {
    const name = `guarded_${randomUUID().slice(0, 8)}`;
    const docs = store.collection<Versioned>(name);
    await docs.upsertMany([{ doc: { _id: 'D1', version: 1 }, position: at(1) }]);
    expect((await guardIndexOf(name))?.unique).toBe(true);
    await docs.drop();
    expect((await guardIndexOf(name))?.unique).toBe(true);
  });
});
