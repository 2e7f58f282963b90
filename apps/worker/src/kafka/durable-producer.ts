import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import type { WorkerSettings } from '../worker-settings';
import { CoalescingFlush } from './coalescing-flush';
import { KAFKA_CLIENT, WORKER_SETTINGS } from './kafka.tokens';

export interface TopicBatch {
  readonly topic: string;
  readonly messages: readonly Message[];
}

type Send = readonly TopicBatch[];

const bytesOf = (send: Send): number =>
  send.reduce((sum, batch) => sum + batch.messages.reduce((bytes, message) => bytes + byteLength(message.value) + byteLength(message.key), 0), 0);

const byteLength = (value: Message['value'] | Message['key']): number => (value == null ? 0 : typeof value === 'string' ? Buffer.byteLength(value) : value.length);

/** The sends of one flush as one request: messages grouped by topic, each topic in submission order. */
function mergeByTopic(sends: readonly Send[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const batch of sends.flat()) {
    if (batch.messages.length === 0) continue;
    const messages = byTopic.get(batch.topic);
    if (messages) messages.push(...batch.messages);
    else byTopic.set(batch.topic, [...batch.messages]);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * The worker's one producer: idempotent (no duplicates from its own retries), Java-compatible key
 * partitioning, and every send waits for all in-sync replicas (acks = -1), so a resolved send is
 * durable on the broker. Sends made while another is in flight share the next request (up to the
 * byte bound of one fetch, so no partition's record batch outgrows what the broker accepts).
 */
@Injectable()
export class DurableProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(DurableProducer.name);
  private readonly producer: Producer;
  private readonly requests: CoalescingFlush<Send>;
  private connected?: Promise<void>;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka, @Inject(WORKER_SETTINGS) settings: WorkerSettings) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    this.requests = new CoalescingFlush<Send>({ flush: (sends) => this.sendNow(sends), maxWeight: settings.maxBytesPerPartition, weigh: bytesOf });
  }

  async send(batches: readonly TopicBatch[]): Promise<void> {
    if (batches.every((batch) => batch.messages.length === 0)) return;
    await this.requests.submit(batches);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connected) return;
    await this.producer.disconnect().catch((error: Error) => this.logger.warn(`producer disconnect: ${error.message}`));
  }

  private async sendNow(sends: readonly Send[]): Promise<void> {
    this.connected ??= this.producer.connect();
    try {
      await this.connected;
    } catch (error) {
      this.connected = undefined;
      throw error;
    }
    await this.producer.sendBatch({ topicMessages: mergeByTopic(sends), acks: -1 });
  }
}
