// 1,000 commands over 50 accounts through the real broker: one result each, per-account order kept,
// no doubled charge; the relay puts every event on the events topic once, in per-account order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import type { CommandResultMessage, LedgerEventMessage } from '@ledger/messaging';
import type { SandboxPaymentGateway } from '@ledger/payments';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { type RunningWorker, startWorker } from '../../apps/worker/src/start-worker';
import { CHARGES_PER_ACCOUNT, accountCommands, asMessage, commandEnvelope } from './support/envelopes';
import { TopicCollector, isolatedNames, openProducer, produce, testKafka, testWorkerSettings } from './support/kafka-test-kit';
import { commandOrderInStream, doubledCharges, relayedByAccount, resultCounts } from './support/ledger-assertions';

jest.setTimeout(180_000);

const ACCOUNTS = Array.from({ length: 50 }, (_, index) => `load-${String(index).padStart(2, '0')}`);
const PER_ACCOUNT = 20;

describe('Kafka ingest under load (worker in process)', () => {
  const names = isolatedNames('load');
  let dir: string;
  let runtime: LedgerRuntime;
  let worker: RunningWorker;
  let kafka: Kafka;
  let producer: Producer;
  let results: TopicCollector;
  let events: TopicCollector;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-load-'));
    runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: false });
    worker = await startWorker(runtime, testWorkerSettings(names, { partitions: 6, ingestConcurrency: 6 }), { logger: ['error'] });
    kafka = testKafka('load-test');
    producer = await openProducer(kafka);
    results = await TopicCollector.start(kafka, names.topics.results);
    events = await TopicCollector.start(kafka, names.topics.events);
  });

  afterAll(async () => {
    await results?.stop();
    await events?.stop();
    await producer?.disconnect();
    await worker?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every command exactly one result, keeps each account in send order, and charges nothing twice', async () => {
    const perAccount = ACCOUNTS.map((account) => accountCommands(account, PER_ACCOUNT));
    const interleaved = Array.from({ length: PER_ACCOUNT }, (_, index) => perAccount.map((commands) => commands[index])).flat();
    const usage = ACCOUNTS.map((account) =>
      commandEnvelope(`${account}-usage-topic`, `usage-${account}`, 'USAGE_RECORD', { usageId: `${account}-u`, metric: 'contacts', quantity: 7 }),
    );
    const expected = interleaved.length + usage.length;

    const started = Date.now();
    await Promise.all([produce(producer, names.topics.commands, interleaved.map(asMessage)), produce(producer, names.topics.usage, usage.map(asMessage))]);
    await results.waitFor(`${expected} results`, (collector) => collector.messages.length >= expected, 120_000);
    const elapsedMs = Date.now() - started;
    console.info(`[kafka load] ${expected} commands → results in ${elapsedMs} ms (${Math.round((expected * 1000) / elapsedMs)} commands/s)`);

    const published = results.json<CommandResultMessage>();
    const counts = resultCounts(published);
    expect(counts.size).toBe(expected);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(published.filter((result) => result.status !== 'ACCEPTED')).toEqual([]);

    for (const [index, account] of ACCOUNTS.entries()) {
      expect(await commandOrderInStream(runtime.eventStore, account)).toEqual(perAccount[index].map((command) => command.commandId));
    }

    const movements = (runtime.gateway as SandboxPaymentGateway).listMovements();
    expect(doubledCharges(movements)).toEqual([]);
    expect(movements.filter((movement) => movement.kind === 'charge')).toHaveLength(ACCOUNTS.length * CHARGES_PER_ACCOUNT);
  });

  it('relays every stored event to the events topic exactly once, in per-account order', async () => {
    const stored = (await runtime.eventStore.readAll()).filter((event) => event.streamId.startsWith('account-'));
    await events.waitFor(`${stored.length} relayed events`, (collector) => collector.messages.length >= stored.length, 60_000);
    const relayed = events.json<LedgerEventMessage>();

    expect(relayed).toHaveLength(stored.length);
    expect(new Set(relayed.map((event) => event.eventId)).size).toBe(stored.length);
    expect(new Set(relayed.map((event) => event.eventId))).toEqual(new Set(stored.map((event) => event.id)));
    for (const [accountId, accountEvents] of relayedByAccount(relayed)) {
      expect({ accountId, revisions: accountEvents.map((event) => event.streamRevision) }).toEqual({
        accountId,
        revisions: accountEvents.map((_, index) => index),
      });
    }
    const sample = relayed.find((event) => event.type === 'SeatsAdded.v1')!;
    const original = stored.find((event) => event.id === sample.eventId)!;
    expect(sample).toEqual({
      eventId: original.id,
      type: 'SeatsAdded.v1',
      accountId: original.streamId.slice('account-'.length),
      streamRevision: Number(original.revision),
      globalPosition: `${original.position.commit}/${original.position.prepare}`,
      occurredAt: original.data.occurredAt,
      data: original.data,
      metadata: original.metadata,
    });
  });
});
