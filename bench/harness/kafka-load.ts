import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { benchAccountId, usageRecord } from './commands';
import { elapsedMs, percentile, pollUntil } from './measure';
import { runPhaseIfChild, type PhaseInput } from './phases';

const ACCOUNTS = 1000;
const kafkaOf = (brokers: unknown) => new Kafka({ clientId: `bench-${process.pid}`, brokers: String(brokers).split(','), logLevel: logLevel.NOTHING });
const now = () => new Date().toISOString();

/** USAGE_RECORD messages keyed by account (the ordering key), commandIds prefixed per phase. */
const messagesOf = (prefix: string, from: number, count: number) =>
  Array.from({ length: count }, (_, offset) => {
    const sequence = from + offset;
    const accountId = benchAccountId(sequence % ACCOUNTS);
    const envelope = { ...usageRecord({ issuedAt: now }, accountId, sequence), commandId: `${prefix}-${sequence}` };
    return { key: accountId, value: JSON.stringify(envelope) };
  });

/**
 * Consumes the result topic from its end as the phase starts; `onResult(commandId)` for every result
 * of this phase. Starting at the end matters for latency: read from the beginning, the consumer first
 * parsed every earlier phase's results (50,000–100,000), and the first second of sends waited for it
 * (p99 of that second ≈ 1 s, of every later one ≤ 0.17 s: 2026-12-07, bench/README B2).
 */
async function resultConsumer(brokers: unknown, topic: string, prefix: string, onResult: (commandId: string) => void): Promise<Consumer> {
  const groupId = `bench-results-${prefix}`;
  const admin = kafkaOf(brokers).admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
  await admin.disconnect();
  const consumer = kafkaOf(brokers).consumer({ groupId, maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const { commandId } = JSON.parse(String(message.value)) as { commandId: string };
        if (commandId.startsWith(`${prefix}-`)) onResult(commandId);
      }
    },
  });
  return consumer;
}

/** As fast as the producer can send: how many commands per second come back as results. */
async function saturate({ brokers, commandsTopic, resultsTopic, count, prefix }: PhaseInput) {
  let received = 0;
  const consumer = await resultConsumer(brokers, String(resultsTopic), String(prefix), () => void (received += 1));
  const producer = kafkaOf(brokers).producer();
  await producer.connect();
  const start = process.hrtime.bigint();
  for (let from = 0; from < Number(count); from += 1000) {
    await producer.send({ topic: String(commandsTopic), messages: messagesOf(String(prefix), from, Math.min(1000, Number(count) - from)) });
  }
  await pollUntil(() => received >= Number(count), 300_000, 'all results');
  const ms = elapsedMs(start);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return { ms };
}

/** Open loop: a fixed rate whatever the answers; latency from the scheduled send to the result. */
async function openLoop({ brokers, commandsTopic, resultsTopic, rate, seconds, prefix }: PhaseInput) {
  const scheduled = new Map<string, number>();
  const latencies: number[] = [];
  // Where the tail sits in time (a warm-up, a periodic stall, or spread evenly) tells its cause apart.
  const bySecond: number[][] = [];
  let start = 0;
  const consumer = await resultConsumer(brokers, String(resultsTopic), String(prefix), (commandId) => {
    const sentAt = scheduled.get(commandId);
    if (sentAt === undefined) return;
    const latency = performance.now() - sentAt;
    latencies.push(latency);
    (bySecond[Math.floor((sentAt - start) / 1000)] ??= []).push(latency);
  });
  const producer = kafkaOf(brokers).producer();
  await producer.connect();
  const perTick = Math.max(1, Math.round(Number(rate) / 100));
  const total = perTick * 100 * Number(seconds);
  start = performance.now();
  for (let sent = 0, tick = 0; sent < total; tick++) {
    const due = start + tick * 10;
    if (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, due - performance.now())); // pacing, not waiting
    const messages = messagesOf(String(prefix), sent, perTick);
    messages.forEach((_, offset) => scheduled.set(`${String(prefix)}-${sent + offset}`, due));
    void producer.send({ topic: String(commandsTopic), messages });
    sent += perTick;
  }
  await pollUntil(() => latencies.length >= total, 120_000, 'all open-loop results');
  const achieved = (total * 1000) / (performance.now() - start);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  const p99BySecond = Array.from(bySecond, (second) => Math.round(percentile(second ?? [], 99))).join(' ');
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), achieved: Math.round(achieved), p99BySecond };
}

/** The baseline: a bare kafkajs eachBatch consumer that only parses the same messages. */
async function rawConsumer({ brokers, topic, count }: PhaseInput) {
  const kafka = kafkaOf(brokers);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: String(topic), numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let from = 0; from < Number(count); from += 1000) {
    await producer.send({ topic: String(topic), messages: messagesOf('raw', from, Math.min(1000, Number(count) - from)) });
  }
  await producer.disconnect();
  let parsed = 0;
  const consumer = kafka.consumer({ groupId: `bench-raw-${process.pid}`, maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topic: String(topic), fromBeginning: true });
  const start = process.hrtime.bigint();
  await consumer.run({
    eachBatch: async ({ batch }) => {
      batch.messages.forEach((message) => JSON.parse(String(message.value)));
      parsed += batch.messages.length;
    },
  });
  await pollUntil(() => parsed >= Number(count), 300_000, 'the raw consumer');
  const ms = elapsedMs(start);
  await consumer.disconnect();
  return { ms };
}

runPhaseIfChild(__filename, { saturate, openLoop, rawConsumer });
