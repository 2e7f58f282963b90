/** The handler pattern the Kafka transport delivers command and usage batches to. */
export const INGEST_COMMAND_BATCH = 'ledger.ingest.command-batch';
