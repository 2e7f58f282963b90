import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandBatchIngestor, type IngestReport } from './command-batch-ingestor';
import { IngestBatchCommand } from './ingest-batch.command';

@CommandHandler(IngestBatchCommand)
export class IngestBatchHandler implements ICommandHandler<IngestBatchCommand, IngestReport> {
  constructor(private readonly ingestor: CommandBatchIngestor) {}

  execute(command: IngestBatchCommand): Promise<IngestReport> {
    return this.ingestor.ingest(command.batch);
  }
}
