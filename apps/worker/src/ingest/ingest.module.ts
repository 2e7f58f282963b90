import { Module } from '@nestjs/common';
import { COMMAND_HANDLER } from '@ledger/runtime';
import { DurableProducer } from '../kafka/durable-producer';
import { WORKER_SETTINGS } from '../kafka/kafka.tokens';
import type { WorkerSettings } from '../worker-settings';
import { CommandBatchIngestor, type CommandRunner } from './command-batch-ingestor';
import { IngestBatchHandler } from './ingest-batch.handler';
import { IngestController } from './ingest.controller';

/** The ingest role: consumes the command and usage topics (through KafkaBatchServer) into the ledger. */
@Module({
  controllers: [IngestController],
  providers: [
    IngestBatchHandler,
    {
      provide: CommandBatchIngestor,
      inject: [COMMAND_HANDLER, DurableProducer, WORKER_SETTINGS],
      useFactory: (commands: CommandRunner, producer: DurableProducer, settings: WorkerSettings) =>
        new CommandBatchIngestor(commands, producer, {
          topics: settings.topics,
          retryInitialMs: settings.retryInitialMs,
          retryMaxMs: settings.retryMaxMs,
          heartbeatIntervalMs: settings.heartbeatIntervalMs,
        }),
    },
  ],
})
export class IngestModule {}
