import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.tokens';

export interface TopicBatch {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/**
 * The worker's one producer: idempotent (no duplicates from its own retries), Java-compatible key
 * partitioning, and every send waits for all in-sync replicas (acks = -1), so a resolved send is
 * durable on the broker.
 */
@Injectable()
export class DurableProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(DurableProducer.name);
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async send(batches: readonly TopicBatch[]): Promise<void> {
    const topicMessages = batches.filter((batch) => batch.messages.length > 0).map((batch) => ({ topic: batch.topic, messages: [...batch.messages] }));
    if (topicMessages.length === 0) return;
    this.connected ??= this.producer.connect();
    try {
      await this.connected;
    } catch (error) {
      this.connected = undefined;
      throw error;
    }
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connected) return;
    await this.producer.disconnect().catch((error: Error) => this.logger.warn(`producer disconnect: ${error.message}`));
  }
}
