import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { InboundBatch } from '../kafka/inbound-batch';
import { IngestBatchCommand } from './ingest-batch.command';
import { INGEST_COMMAND_BATCH } from './ingest.patterns';

/** The Kafka edge: one dispatch per partition batch (not per message), so the bus costs nothing measurable. */
@Controller()
export class IngestController {
  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern(INGEST_COMMAND_BATCH)
  async onCommandBatch(@Payload() batch: InboundBatch): Promise<void> {
    await this.commandBus.execute(new IngestBatchCommand(batch));
  }
}
