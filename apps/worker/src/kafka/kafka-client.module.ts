import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { WorkerSettings } from '../worker-settings';
import { DurableProducer } from './durable-producer';
import { KAFKA_CLIENT, WORKER_SETTINGS } from './kafka.tokens';

/** The Kafka client, the settings and the durable producer, shared by every role. */
@Global()
@Module({})
export class KafkaClientModule {
  static forRoot(kafka: Kafka, settings: WorkerSettings): DynamicModule {
    const providers = [{ provide: KAFKA_CLIENT, useValue: kafka }, { provide: WORKER_SETTINGS, useValue: settings }, DurableProducer];
    return { module: KafkaClientModule, providers, exports: [KAFKA_CLIENT, WORKER_SETTINGS, DurableProducer] };
  }
}
