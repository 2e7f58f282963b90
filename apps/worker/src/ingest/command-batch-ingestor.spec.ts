import type { TopicBatch } from '../kafka/durable-producer';
import type { InboundBatch } from '../kafka/inbound-batch';
import { type LedgerFixture, VISA_OK, envelope, openLedgerFixture } from '../../../../libs/ledger/src/testing/ledger-fixture';
import { pollUntil } from '../../../../test/infra/poll';
import { CommandBatchIngestor } from './command-batch-ingestor';

const TOPICS = { commands: 'c', usage: 'u', results: 'r', deadLetters: 'd', events: 'e' };

/** A partition batch as the transport hands it over, counting the heartbeats the ingestor sends. */
function batchOf(values: readonly Record<string, unknown>[]): InboundBatch & { heartbeats: number } {
  const batch = {
    topic: TOPICS.commands,
    partition: 0,
    heartbeats: 0,
    messages: values.map((value, index) => ({ topic: TOPICS.commands, partition: 0, offset: String(index), key: Buffer.from(String(value.accountId)), value: Buffer.from(JSON.stringify(value)), headers: {} })),
    heartbeat: async () => void (batch.heartbeats += 1),
    pause: () => () => undefined,
    isRunning: () => true,
  };
  return batch;
}

describe('CommandBatchIngestor', () => {
  let ledger: LedgerFixture;

  beforeEach(() => {
    ledger = openLedgerFixture();
  });

  afterEach(() => ledger.close());

  // A batch that outlives the session timeout must keep the member in the group, or the batch is
  // redelivered to another member and answered twice (found by the sustained-load run).
  it('heartbeats while a long batch runs, not only while retrying', async () => {
    const commands = [envelope(ledger.clock, 'acct-1', 'PAYMENT_METHOD_UPDATE', VISA_OK), envelope(ledger.clock, 'acct-1', 'UPGRADE', { toTier: 'PRO', seatCount: 2 })];
    const batch = batchOf(commands);
    const sent: TopicBatch[][] = [];
    // The first command completes only once the batch has heartbeated three times while it ran.
    const slowFirst = {
      handle: async (raw: unknown) => {
        if ((raw as { type: string }).type === 'PAYMENT_METHOD_UPDATE') {
          await pollUntil(
            async () => {
              if (batch.heartbeats < 3) throw new Error(`${batch.heartbeats} heartbeats`);
            },
            { what: 'heartbeats during the batch', timeoutMs: 2_000, intervalMs: 5 },
          );
        }
        return ledger.handler.handle(raw);
      },
    };
    const ingestor = new CommandBatchIngestor(slowFirst, { send: async (batches) => void sent.push([...batches]) }, { topics: TOPICS, retryInitialMs: 10, retryMaxMs: 20, heartbeatIntervalMs: 20 });

    const report = await ingestor.ingest(batch);

    expect(report).toEqual({ results: 2, deadLetters: 0, retries: 0 });
    const results = sent.flat().flatMap((topicBatch) => topicBatch.messages.map((message) => JSON.parse(String(message.value)) as { status: string }));
    expect(results.map((result) => result.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });
});
