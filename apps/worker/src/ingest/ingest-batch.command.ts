import { Command } from '@nestjs/cqrs';
import type { InboundBatch } from '../kafka/inbound-batch';
import type { IngestReport } from './command-batch-ingestor';

/** Run one partition batch of command messages to durable outcomes. */
export class IngestBatchCommand extends Command<IngestReport> {
  constructor(readonly batch: InboundBatch) {
    super();
  }
}
