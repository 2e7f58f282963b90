import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MongoClient } from 'mongodb';
import { MemoryReadStore, MongoReadStore, READ_COLLECTIONS, READ_STORE_INDEXES, type ReadStore, versionedName } from '@ledger/read-store';
import { describeReadStoreContract } from '../../libs/read-store/src/contract/read-store.contract';
import { at } from '../../libs/read-store/src/contract/contract-context';
import { randomDocs, randomFilter, randomSort, type RandomDoc } from '../../libs/read-store/src/contract/arbitraries';

const url = process.env.MONGO_URL;
if (!url) {
  throw new Error(
    'MONGO_URL is not set. The integration global setup starts mongo-java-server and exports MONGO_URL; ' +
      'to run this file alone, start a MongoDB-wire server and set MONGO_URL=mongodb://127.0.0.1:<port>.',
  );
}
const mongoUrl: string = url;
const dbName = `read_store_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const connect = (clock?: () => Date): Promise<MongoReadStore> => MongoReadStore.connect({ url: mongoUrl, dbName, clock });

afterAll(async () => {
  const admin = new MongoClient(mongoUrl);
  await admin.db(dbName).dropDatabase();
  await admin.close();
});

describeReadStoreContract('MongoDB', ({ clock }) => connect(clock), (store) => store.close(), { propertyRuns: 60 });

describe('MongoDB adapter specifics', () => {
  let store: ReadStore;
  let mongo: MongoClient;

  beforeAll(async () => {
    store = await connect();
    mongo = await new MongoClient(mongoUrl).connect();
  });
  afterAll(async () => {
    await store.close();
    await mongo.close();
  });

  it('creates the planned indexes, including the replay-cache TTL, and keeps them across drop', async () => {
    await store.ensureIndexes();
    await store.collection(READ_COLLECTIONS.billingLogs).drop();
    await store.collection(READ_COLLECTIONS.commandOutcomes).drop();
    for (const plan of READ_STORE_INDEXES) {
      const indexes = await mongo.db(dbName).collection(plan.collection).indexes();
      expect(indexes.map((index) => index.key)).toContainEqual(plan.key);
    }
    const outcomeIndexes = await mongo.db(dbName).collection(READ_COLLECTIONS.commandOutcomes).indexes();
    expect(outcomeIndexes.map((index) => index.key)).toContainEqual({ commandId: 1 });
    const logIndexes = await mongo.db(dbName).collection(READ_COLLECTIONS.billingLogs).indexes();
    expect(logIndexes.map((index) => index.key)).toContainEqual({ accountId: 1, actionDate: -1 });
    const cacheIndexes = await mongo.db(dbName).collection(READ_COLLECTIONS.replayCache).indexes();
    expect(cacheIndexes.find((index) => index.key.expiresAt === 1)?.expireAfterSeconds).toBe(0);
  });

  it("gives a rebuilt version's collection its planned indexes on its first write", async () => {
    const rebuilt = versionedName(READ_COLLECTIONS.billingLogs, 2);
    await store.collection<{ _id: string; accountId: string; actionDate: string }>(rebuilt).upsertMany([{ doc: { _id: 'L1', accountId: 'a', actionDate: '2026-04-01' }, position: at(1) }]);
    const indexes = await mongo.db(dbName).collection(rebuilt).indexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ accountId: 1, actionDate: -1 });
  });

  it('lets the newest of concurrent first writes of one id win (duplicate key on insert is retried)', async () => {
    for (let round = 0; round < 10; round++) {
      const logs = store.collection<{ _id: string; version: number }>(`race_${round}`);
      const versions = [3, 1, 4, 2, 5, 0];
      await Promise.all(versions.map((version) => logs.upsertMany([{ doc: { _id: 'L1', version }, position: at(version + 1) }])));
      expect(await logs.get('L1')).toEqual({ _id: 'L1', version: 5 });
    }
  });

  it('returns what the in-memory adapter returns for random documents, filters and sorts', async () => {
    const memory = new MemoryReadStore();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(randomDocs, randomFilter, randomSort, async (docs, filter, sort) => {
        const name = `compare_${++run}`;
        const items = docs.map((doc) => ({ doc, position: at(1) }));
        await store.collection<RandomDoc>(name).upsertMany(items);
        await memory.collection<RandomDoc>(name).upsertMany(items);
        const fromMongo = await store.collection<RandomDoc>(name).find(filter, { sort });
        expect(fromMongo).toEqual(await memory.collection<RandomDoc>(name).find(filter, { sort }));
        await store.collection(name).drop();
      }),
      { numRuns: 60 },
    );
  });
});
