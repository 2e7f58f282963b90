import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, Partitioners, Producer, logLevel } from 'kafkajs';
import type { LedgerTopics } from '@ledger/messaging';
import type { WorkerSettings } from '../../../apps/worker/src/worker-settings';
import { pollUntil } from '../../infra/poll';

export const kafkaBrokers = (): string[] => {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set: test/infra/global-setup.ts should have set it');
  return brokers;
};

export const testKafka = (clientId: string): Kafka => new Kafka({ clientId, brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });

/** Topic names and a consumer group of their own, so test files never see each other's messages. */
export function isolatedNames(label: string): { topics: LedgerTopics; groupId: string } {
  const run = `${label}-${randomUUID().slice(0, 8)}`;
  return {
    topics: {
      commands: `t.${run}.commands`,
      usage: `t.${run}.usage`,
      results: `t.${run}.results`,
      deadLetters: `t.${run}.commands.dlq`,
      events: `t.${run}.events`,
    },
    groupId: `g.${run}`,
  };
}

export function testWorkerSettings(names: { topics: LedgerTopics; groupId: string }, overrides: Partial<WorkerSettings> = {}): WorkerSettings {
  return {
    brokers: kafkaBrokers(),
    clientId: 'kafka-int-test',
    groupId: names.groupId,
    topics: names.topics,
    partitions: 3,
    replicationFactor: 1,
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 500,
    ingestConcurrency: 3,
    maxBytesPerPartition: 1_048_576,
    ingestPipelineDepth: 2,
    retryInitialMs: 20,
    retryMaxMs: 400,
    relayMaxBatch: 200,
    ...overrides,
  };
}

/** Worker settings as environment variables, for the worker run as a child process. */
export function workerEnv(settings: WorkerSettings): Record<string, string> {
  return {
    KAFKA_BROKERS: settings.brokers.join(','),
    LEDGER_KAFKA_GROUP_ID: settings.groupId,
    LEDGER_TOPIC_COMMANDS: settings.topics.commands,
    LEDGER_TOPIC_USAGE: settings.topics.usage,
    LEDGER_TOPIC_RESULTS: settings.topics.results,
    LEDGER_TOPIC_DLQ: settings.topics.deadLetters,
    LEDGER_TOPIC_EVENTS: settings.topics.events,
    LEDGER_KAFKA_PARTITIONS: String(settings.partitions),
    LEDGER_KAFKA_SESSION_TIMEOUT_MS: String(settings.sessionTimeoutMs),
    LEDGER_KAFKA_HEARTBEAT_INTERVAL_MS: String(settings.heartbeatIntervalMs),
    LEDGER_RETRY_INITIAL_MS: String(settings.retryInitialMs),
    LEDGER_RETRY_MAX_MS: String(settings.retryMaxMs),
    LEDGER_KAFKA_MAX_BYTES_PER_PARTITION: String(settings.maxBytesPerPartition),
    // The scheduler role would renew the tests' back-dated subscriptions against the real clock.
    LEDGER_WORKER_ROLES: (settings.roles ?? ['projector', 'ingest', 'relay']).join(','),
  };
}

export interface OutgoingMessage {
  readonly key: string | null;
  readonly value: string | Buffer | null;
  readonly headers?: IHeaders;
}

export async function openProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return producer;
}

export async function produce(producer: Producer, topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
  for (let start = 0; start < messages.length; start += 500) {
    await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 500).map((message) => ({ ...message })) });
  }
}

export interface CollectedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

/** Reads a topic from the beginning into memory (its own group), for assertions with a deadline. */
export class TopicCollector {
  readonly messages: CollectedMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string): Promise<TopicCollector> {
    const consumer = kafka.consumer({ groupId: `collector-${randomUUID()}`, sessionTimeout: 6_000, heartbeatInterval: 500 });
    const collector = new TopicCollector(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        collector.messages.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, headers });
      },
    });
    return collector;
  }

  json<T>(): T[] {
    return this.messages.map((message) => JSON.parse(message.value!.toString()) as T);
  }

  async waitFor(what: string, done: (collector: TopicCollector) => boolean, timeoutMs = 60_000): Promise<void> {
    await pollUntil(
      async () => {
        if (!done(this)) throw new Error(`${this.messages.length} messages so far`);
      },
      { what, timeoutMs, intervalMs: 50 },
    );
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
