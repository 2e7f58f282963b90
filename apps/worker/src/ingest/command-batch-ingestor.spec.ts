import type { TopicBatch } from '../kafka/durable-producer';
import type { InboundBatch } from '../kafka/inbound-batch';
import { accountStreamId } from '../../../../libs/ledger/src/stream/account-stream';
import { type LedgerFixture, VISA_OK, envelope, openLedgerFixture } from '../../../../libs/ledger/src/testing/ledger-fixture';
import { pollUntil } from '../../../../test/infra/poll';
import { CommandBatchIngestor } from './command-batch-ingestor';

const TOPICS = { commands: 'c', usage: 'u', results: 'r', deadLetters: 'd', events: 'e' };

/** A partition batch as the transport hands it over, counting heartbeats and keeping the work left to finish. */
function batchOf(values: readonly Record<string, unknown>[]): InboundBatch & { heartbeats: number; finish?: () => Promise<void> } {
  const batch: InboundBatch & { heartbeats: number; finish?: () => Promise<void> } = {
    topic: TOPICS.commands,
    partition: 0,
    heartbeats: 0,
    messages: values.map((value, index) => ({ topic: TOPICS.commands, partition: 0, offset: String(index), key: Buffer.from(String(value.accountId)), value: Buffer.from(JSON.stringify(value)), headers: {} })),
    heartbeat: async () => void (batch.heartbeats += 1),
    pause: () => () => undefined,
    isRunning: () => true,
    finishLater: (finish) => void (batch.finish = finish),
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
    await batch.finish!();

    expect(report).toEqual({ results: 2, deadLetters: 0, retries: 0 });
    const results = sent.flat().flatMap((topicBatch) => topicBatch.messages.map((message) => JSON.parse(String(message.value)) as { status: string }));
    expect(results.map((result) => result.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  // The transport takes the partition's next batch while this one publishes: `ingest` resolves once
  // the commands ran, and the results go out only when the transport runs the finishing work.
  it('resolves once the commands ran and hands publishing over to the transport', async () => {
    const batch = batchOf([envelope(ledger.clock, 'acct-2', 'PAYMENT_METHOD_UPDATE', VISA_OK), { not: 'a command' }]);
    const sent: TopicBatch[][] = [];
    let sinkUp = false;
    const sink = {
      send: async (batches: readonly TopicBatch[]) => {
        if (!sinkUp) throw new Error('broker unreachable');
        sent.push([...batches]);
      },
    };
    const ingestor = new CommandBatchIngestor(ledger.handler, sink, { topics: TOPICS, retryInitialMs: 5, retryMaxMs: 10, heartbeatIntervalMs: 5 });

    const report = await ingestor.ingest(batch);

    expect(report).toEqual({ results: 1, deadLetters: 1, retries: 0 });
    expect(sent).toEqual([]);
    expect(await ledger.store.readStream(accountStreamId('acct-2'))).toHaveLength(1); // handled before anything is published
    const finishing = batch.finish!();
    await pollUntil(async () => {
      if (batch.heartbeats < 2) throw new Error(`${batch.heartbeats} heartbeats while the sink is down`);
    }, { what: 'heartbeats while publishing is retried', timeoutMs: 2_000, intervalMs: 5 });
    sinkUp = true;
    await finishing;
    expect(sent.flat().map((topicBatch) => [topicBatch.topic, topicBatch.messages.length])).toEqual([
      [TOPICS.results, 1],
      [TOPICS.deadLetters, 1],
    ]);
  });
});
