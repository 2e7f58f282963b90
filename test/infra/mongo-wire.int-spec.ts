// Smoke test of the MongoDB-wire server that global-setup.ts starts (or the server MONGO_URL
// names), with the `mongodb` driver v7: the operations a read store needs. The last block pins
// what mongo-java-server does NOT do, so code written against it knows its limits; those tests
// run only against mongo-java-server, since a real MongoDB behaves differently there.
import { randomUUID } from 'node:crypto';
import { Collection, Db, MongoClient, MongoServerError } from 'mongodb';

jest.setTimeout(30_000);

interface Doc {
  _id: string;
  accountId?: string;
  position?: number;
  status?: string;
  email?: string;
  n?: number;
}

describe('MongoDB-wire server (test infrastructure)', () => {
  let client: MongoClient;
  let db: Db;
  let docs: Collection<Doc>;
  let isMongoJavaServer = false;

  beforeAll(async () => {
    if (!process.env.MONGO_URL) throw new Error('MONGO_URL is not set: test/infra/global-setup.ts should have set it');
    client = new MongoClient(process.env.MONGO_URL);
    await client.connect();
    db = client.db(`infra_smoke_${randomUUID().slice(0, 8)}`);
    docs = db.collection<Doc>('docs');
    // A real mongod reports its gitVersion; mongo-java-server does not.
    isMongoJavaServer = !('gitVersion' in (await db.admin().command({ buildInfo: 1 })));
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('inserts, finds with filter/sort/skip/limit, updates and counts', async () => {
    await docs.insertMany(
      Array.from({ length: 10 }, (_, i) => ({ _id: `d${i}`, accountId: `acct-${i % 2}`, position: i, status: 'active' })),
    );
    const page = await docs.find({ accountId: 'acct-0' }).sort({ position: -1 }).skip(1).limit(2).toArray();
    expect(page.map((d) => d._id)).toEqual(['d6', 'd4']);

    const updated = await docs.updateMany({ position: { $gte: 8 } }, { $set: { status: 'canceled' }, $inc: { n: 1 } });
    expect(updated.modifiedCount).toBe(2);
    expect(await docs.countDocuments({ status: 'canceled' })).toBe(2);
    expect(await docs.countDocuments({ $or: [{ status: 'canceled' }, { _id: { $in: ['d0'] } }] })).toBe(3);

    const after = await docs.findOneAndUpdate({ _id: 'd0' }, { $set: { status: 'paused' } }, { returnDocument: 'after' });
    expect(after?.status).toBe('paused');
  });

  it('supports the position-guarded upsert a projection uses (stale write = duplicate key)', async () => {
    const upsertAt = (position: number) =>
      docs.updateOne({ _id: 'guarded', position: { $lt: position } }, { $set: { position } }, { upsert: true });
    await upsertAt(5);
    await upsertAt(7);
    // Older position: the filter misses, the upsert collides with the existing _id.
    await expect(upsertAt(6)).rejects.toMatchObject({ code: 11000 });
    expect((await docs.findOne({ _id: 'guarded' }))?.position).toBe(7);
  });

  it('enforces unique and unique sparse indexes, and accepts TTL index definitions', async () => {
    const users = db.collection<Doc>('users');
    await users.createIndex({ email: 1 }, { unique: true, sparse: true, name: 'email_unique' });
    await users.createIndex({ accountId: 1, position: 1 }, { unique: true, sparse: true });
    await users.createIndex({ expireAt: 1 }, { expireAfterSeconds: 3600 });
    await users.insertMany([{ _id: 'u1', email: 'a@x' }, { _id: 'u2' }, { _id: 'u3' }]);
    await expect(users.insertOne({ _id: 'u4', email: 'a@x' })).rejects.toBeInstanceOf(MongoServerError);

    const indexes = await users.listIndexes().toArray();
    expect(indexes.find((i) => i.name === 'email_unique')).toMatchObject({ unique: true, sparse: true });
    expect(indexes.find((i) => i.name === 'expireAt_1')).toMatchObject({ expireAfterSeconds: 3600 });
  });

  it('runs ordered and unordered bulkWrite', async () => {
    const bulk = db.collection<Doc>('bulk');
    const result = await bulk.bulkWrite([
      { insertOne: { document: { _id: 'b1', n: 1 } } },
      { updateOne: { filter: { _id: 'b1' }, update: { $inc: { n: 1 } } } },
      { updateOne: { filter: { _id: 'b2' }, update: { $set: { n: 5 } }, upsert: true } },
      { replaceOne: { filter: { _id: 'b2' }, replacement: { n: 6 } } },
      { deleteOne: { filter: { _id: 'b1' } } },
    ]);
    expect([result.insertedCount, result.upsertedCount, result.deletedCount]).toEqual([1, 1, 1]);

    // Unordered: the duplicate fails, the write after it still happens.
    const unordered = bulk.bulkWrite([{ insertOne: { document: { _id: 'b2' } } }, { insertOne: { document: { _id: 'b3' } } }], {
      ordered: false,
    });
    await expect(unordered).rejects.toMatchObject({ code: 11000 });
    expect(await bulk.countDocuments({})).toBe(2);
  });

  describe('limits of mongo-java-server (skipped against a real MongoDB)', () => {
    it('has no sessions, so no multi-document transactions', async () => {
      if (!isMongoJavaServer) return;
      const session = client.startSession();
      try {
        await expect(session.withTransaction(() => docs.insertOne({ _id: 'tx' }, { session }))).rejects.toThrow(/sessions/);
      } finally {
        await session.endSession();
      }
    });

    it('keeps partialFilterExpression on the index but does not apply it (use sparse instead)', async () => {
      if (!isMongoJavaServer) return;
      const partial = db.collection<Doc>('partial');
      await partial.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { email: { $exists: true } } });
      await partial.insertOne({ _id: 'p1' });
      // A real MongoDB accepts this (neither document is in the index).
      await expect(partial.insertOne({ _id: 'p2' })).rejects.toMatchObject({ code: 11000 });
    });
  });
});
