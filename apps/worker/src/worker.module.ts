import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Kafka } from 'kafkajs';
import { type LedgerRuntime, LedgerRuntimeModule } from '@ledger/runtime';
import { KafkaClientModule } from './kafka/kafka-client.module';
import type { WorkerRole } from './worker-roles';
import type { WorkerSettings } from './worker-settings';

/** The worker's root: the runtime's ports, the Kafka plumbing, CQRS, and the selected roles. */
@Module({})
export class WorkerModule {
  static forRoot(runtime: LedgerRuntime, kafka: Kafka, settings: WorkerSettings, roles: readonly WorkerRole[]): DynamicModule {
    return {
      module: WorkerModule,
      imports: [LedgerRuntimeModule.forRoot(runtime), KafkaClientModule.forRoot(kafka, settings), CqrsModule.forRoot(), ...roles.map((role) => role.module)],
    };
  }
}
