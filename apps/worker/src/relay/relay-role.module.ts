import { Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { ReadStore } from '@ledger/read-store';
import { EVENT_STORE, READ_STORE } from '@ledger/runtime';
import { DurableProducer } from '../kafka/durable-producer';
import { WORKER_SETTINGS } from '../kafka/kafka.tokens';
import type { WorkerSettings } from '../worker-settings';
import { EventRelay } from './event-relay';

@Injectable()
export class RelayRole implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly relay: EventRelay) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}

/** The relay role: event store $all → billing.events.v1. */
@Module({
  providers: [
    RelayRole,
    {
      provide: EventRelay,
      inject: [EVENT_STORE, READ_STORE, DurableProducer, WORKER_SETTINGS],
      useFactory: (store: EventStore, readStore: ReadStore, producer: DurableProducer, settings: WorkerSettings) =>
        new EventRelay(store, readStore, producer, {
          topic: settings.topics.events,
          maxBatch: settings.relayMaxBatch,
          retryInitialMs: settings.retryInitialMs,
          retryMaxMs: settings.retryMaxMs,
        }),
    },
  ],
})
export class RelayRoleModule {}
