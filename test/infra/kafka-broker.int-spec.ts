// Smoke test of the Kafka broker that global-setup.ts starts (or the one KAFKA_BROKERS names):
// kafkajs 2.2.4 against Kafka 4.x, covering what the app relies on: topic creation with several
// partitions, keyed produce, idempotent and transactional producers, consumer groups with manual
// offset commits, and resuming a group from its committed offsets.
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, EachMessagePayload, Kafka, Partitioners, logLevel } from 'kafkajs';

jest.setTimeout(60_000);

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
const kafka = new Kafka({ clientId: 'infra-smoke', brokers, logLevel: logLevel.WARN });
const runId = randomUUID().slice(0, 8);

interface Received {
  key: string;
  value: string;
  partition: number;
  offset: string;
}

describe('Kafka broker (test infrastructure)', () => {
  let admin: Admin;

  beforeAll(async () => {
    if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set: test/infra/global-setup.ts should have set it');
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
  });

  it('creates a 3-partition topic and delivers keyed messages to a group that commits offsets by hand', async () => {
    const topic = `infra-smoke-${runId}`;
    const groupId = `infra-smoke-group-${runId}`;
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata.partitions).toHaveLength(3);

    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner, // Java-compatible murmur2 on the key
    });
    await producer.connect();
    const keys = Array.from({ length: 10 }, (_, i) => `acct-${i}`);
    const sent = keys.flatMap((key) => [1, 2, 3].map((n) => ({ key, value: `${key}:${n}` })));
    await producer.send({ topic, acks: -1, messages: sent });

    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    const received = await consumeUntil(consumer, topic, sent.length, async ({ partition, message }) => {
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    });
    await consumer.disconnect();

    expect(received.map((m) => m.value).sort()).toEqual(sent.map((m) => m.value).sort());
    for (const key of keys) {
      const forKey = received.filter((m) => m.key === key);
      expect(new Set(forKey.map((m) => m.partition)).size).toBe(1); // same key, same partition
      expect(forKey.map((m) => m.value)).toEqual([`${key}:1`, `${key}:2`, `${key}:3`]); // in order
    }
    expect(new Set(received.map((m) => m.partition)).size).toBeGreaterThan(1);

    // Committed offsets equal each partition's end offset.
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const partition = committed.partitions.find((p) => p.partition === end.partition);
      expect(partition?.offset).toBe(end.high);
    }

    // A new member of the same group resumes after the commits: it sees only the new message.
    await producer.send({ topic, messages: [{ key: 'acct-0', value: 'after-restart' }] });
    await producer.disconnect();
    const resumed = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    const afterRestart = await consumeUntil(resumed, topic, 1, async () => undefined);
    await resumed.disconnect();
    expect(afterRestart.map((m) => m.value)).toEqual(['after-restart']);
  });

  it('supports transactional producers (read_committed consumers see only committed writes)', async () => {
    const topic = `infra-smoke-tx-${runId}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    // Right after an abort the broker answers CONCURRENT_TRANSACTIONS until it has written the abort
    // markers; kafkajs retries that but logs each try as ERROR, so this client stays quiet.
    const quiet = new Kafka({ clientId: 'infra-smoke-tx', brokers, logLevel: logLevel.NOTHING });
    const producer = quiet.producer({
      transactionalId: `infra-smoke-tx-${runId}`,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'k', value: 'aborted' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ key: 'k', value: 'committed' }] });
    await committed.commit();
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `infra-smoke-tx-group-${runId}`, readUncommitted: false });
    const received = await consumeUntil(consumer, topic, 1, async () => undefined);
    await consumer.disconnect();
    expect(received.map((m) => m.value)).toEqual(['committed']);
  });
});

/** Runs the consumer from the group's position (or the beginning) until `count` messages arrived. */
async function consumeUntil(
  consumer: Consumer,
  topic: string,
  count: number,
  afterEach: (payload: EachMessagePayload) => Promise<void>,
): Promise<Received[]> {
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`got ${received.length} of ${count} messages in 30 s`)), 30_000);
    consumer
      .run({
        autoCommit: false,
        eachMessage: async (payload) => {
          const { message, partition } = payload;
          received.push({ key: String(message.key), value: String(message.value), partition, offset: message.offset });
          await afterEach(payload);
          if (received.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  return received;
}
