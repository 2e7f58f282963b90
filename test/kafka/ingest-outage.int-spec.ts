// Infrastructure outages during ingest: the event store down for a while and gateway answers lost.
// The consumer holds the partition, retries with backoff, commits nothing meanwhile, then catches up
// with no loss, no dead letter and no second charge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { AccountRepository, CommandHandler } from '@ledger/ledger';
import type { CommandResultMessage } from '@ledger/messaging';
import { FlakyGateway, SandboxPaymentGateway } from '@ledger/payments';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { type RunningWorker, startWorker } from '../../apps/worker/src/start-worker';
import { pollUntil } from '../infra/poll';
import { CHARGES_PER_ACCOUNT, accountCommands, asMessage } from './support/envelopes';
import { TopicCollector, isolatedNames, openProducer, produce, testKafka, testWorkerSettings } from './support/kafka-test-kit';
import { commandOrderInStream, doubledCharges, resultCounts } from './support/ledger-assertions';
import { OutageEventStore } from './support/outage-event-store';

jest.setTimeout(120_000);

const ACCOUNTS = ['out-a', 'out-b', 'out-c', 'out-d', 'out-e'];

describe('Kafka ingest through infrastructure outages', () => {
  const names = isolatedNames('outage');
  let dir: string;
  let runtime: LedgerRuntime;
  let sandbox: SandboxPaymentGateway;
  let gateway: FlakyGateway;
  let store: OutageEventStore;
  let worker: RunningWorker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let results: TopicCollector;
  let deadLetters: TopicCollector;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-outage-'));
    sandbox = new SandboxPaymentGateway({ path: join(dir, 'gateway.sqlite') });
    gateway = new FlakyGateway(sandbox);
    runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: false }, { gateway });
    store = new OutageEventStore(runtime.eventStore);
    const commands = new CommandHandler(new AccountRepository(store), gateway, runtime.secretBox, runtime.catalog, runtime.clock);
    worker = await startWorker({ ...runtime, commands }, testWorkerSettings(names, { roles: ['ingest'] }), { logger: false });
    kafka = testKafka('outage-test');
    admin = kafka.admin();
    await admin.connect();
    producer = await openProducer(kafka);
    results = await TopicCollector.start(kafka, names.topics.results);
    deadLetters = await TopicCollector.start(kafka, names.topics.deadLetters);
  });

  afterAll(async () => {
    await results?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await worker?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedOffsets = async (): Promise<number> => {
    const [topic] = await admin.fetchOffsets({ groupId: names.groupId, topics: [names.topics.commands] });
    return topic.partitions.reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
  };

  it('waits out an event store outage and lost gateway answers, then catches up with nothing lost or doubled', async () => {
    const perAccount = ACCOUNTS.map((account) => accountCommands(account, 20));
    const interleaved = Array.from({ length: 20 }, (_, index) => perAccount.map((commands) => commands[index])).flat();

    store.down = true;
    gateway.failNext(3, 'after');
    await produce(producer, names.topics.commands, interleaved.map(asMessage));
    await pollUntil(async () => (store.refusedCalls >= 10 ? undefined : Promise.reject(new Error(`${store.refusedCalls} refused`))), {
      what: 'the ingest retrying against the unavailable store',
      timeoutMs: 30_000,
      intervalMs: 20,
    });
    expect(results.messages).toEqual([]);
    expect(await committedOffsets()).toBe(0);

    store.down = false;
    await results.waitFor(`${interleaved.length} results`, (collector) => collector.messages.length >= interleaved.length);
    const published = results.json<CommandResultMessage>();
    expect([...resultCounts(published).values()]).toEqual(interleaved.map(() => 1));
    expect(published.filter((result) => result.status !== 'ACCEPTED')).toEqual([]);
    for (const [index, account] of ACCOUNTS.entries()) {
      expect(await commandOrderInStream(runtime.eventStore, account)).toEqual(perAccount[index].map((command) => command.commandId));
    }
    const movements = sandbox.listMovements();
    expect(doubledCharges(movements)).toEqual([]);
    expect(movements).toHaveLength(ACCOUNTS.length * CHARGES_PER_ACCOUNT);
    expect(gateway.calls).toBe(movements.length + 3); // the three lost answers were asked again, same key
    await pollUntil(async () => ((await committedOffsets()) === interleaved.length ? undefined : Promise.reject(new Error('not yet'))), {
      what: 'every offset committed',
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(deadLetters.messages).toEqual([]);
  });
});
