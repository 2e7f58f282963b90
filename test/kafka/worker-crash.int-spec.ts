// The worker as a real process, SIGKILLed in the middle of ingesting and started again on the same
// data dir: nothing lost, nothing charged twice, every command answered; the relay's duplicates
// after the crash are identical copies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { type EventStore, openSqliteEventStore } from '@ledger/event-store';
import type { CommandResultMessage, LedgerEventMessage } from '@ledger/messaging';
import { SandboxPaymentGateway } from '@ledger/payments';
import { pollUntil } from '../infra/poll';
import { CHARGES_PER_ACCOUNT, accountCommands, asMessage } from './support/envelopes';
import { TopicCollector, isolatedNames, openProducer, produce, testKafka, testWorkerSettings, workerEnv } from './support/kafka-test-kit';
import { commandOrderInStream, doubledCharges, relayedByAccount, resultCounts } from './support/ledger-assertions';
import { WorkerProcess } from './support/worker-process';

jest.setTimeout(180_000);

const ACCOUNTS = Array.from({ length: 40 }, (_, index) => `crash-${String(index).padStart(2, '0')}`);

describe('worker killed with SIGKILL mid-batch and restarted', () => {
  const names = isolatedNames('crash');
  // Small fetches: many batches per partition, so the kill lands while some batch is in flight.
  const settings = testWorkerSettings(names, { maxBytesPerPartition: 16_384 });
  let dir: string;
  let kafka: Kafka;
  let producer: Producer;
  let results: TopicCollector;
  let events: TopicCollector;
  const workers: WorkerProcess[] = [];

  const startWorkerProcess = (): WorkerProcess => {
    const worker = WorkerProcess.start({ ...workerEnv(settings), LEDGER_DATA_DIR: dir });
    workers.push(worker);
    return worker;
  };
  const failIfExited = (worker: WorkerProcess) => () => (worker.hasExited ? `the worker exited:\n${worker.log.slice(-3000)}` : undefined);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-crash-'));
    kafka = testKafka('crash-test');
    producer = await openProducer(kafka);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
    await results?.stop();
    await events?.stop();
    await producer?.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing, charges nothing twice and answers every command', async () => {
    const perAccount = ACCOUNTS.map((account) => accountCommands(account, 20));
    const interleaved = Array.from({ length: 20 }, (_, index) => perAccount.map((commands) => commands[index])).flat();

    const first = startWorkerProcess();
    // The first run creates the topics; the collectors subscribe once they exist.
    await produceWhenTopicsExist(producer, names.topics.commands, interleaved.map(asMessage), failIfExited(first));
    results = await TopicCollector.start(kafka, names.topics.results);
    events = await TopicCollector.start(kafka, names.topics.events);
    // Kill while a batch is half done: commands appended (and charged) whose results are not out yet.
    const watcher = openSqliteEventStore({ file: join(dir, 'events.sqlite') });
    await pollUntil(
      async () => {
        const answered = resultCounts(results.json<CommandResultMessage>()).size;
        const appended = await appendedCommands(watcher);
        if (answered < 50 || appended <= answered) throw new Error(`${appended} appended, ${answered} answered`);
      },
      { what: 'a batch in flight after the first results', timeoutMs: 60_000, intervalMs: 5, abortReason: failIfExited(first) },
    );
    expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const appendedBeforeCrash = await appendedCommands(watcher);
    await watcher.close();
    const answeredBeforeCrash = resultCounts(results.json<CommandResultMessage>()).size;
    expect(answeredBeforeCrash).toBeLessThan(interleaved.length);

    const second = startWorkerProcess();
    const everyCommandAnswered = (collector: TopicCollector) => resultCounts(collector.json<CommandResultMessage>()).size >= interleaved.length;
    await results.waitFor('a result for every command after the restart', (collector) => everyCommandAnswered(collector) || second.hasExited, 120_000);
    expect(second.hasExited ? second.log.slice(-3000) : 'running').toBe('running');
    expect(await second.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    const published = results.json<CommandResultMessage>();
    const firstAnswers = new Map<string, CommandResultMessage>();
    for (const result of published) if (!firstAnswers.has(result.commandId)) firstAnswers.set(result.commandId, result);
    expect(firstAnswers.size).toBe(interleaved.length);
    const unexpected = published.filter((result) => !(result.status === 'ACCEPTED' || (result.status === 'DUPLICATE' && result.originalStatus === 'ACCEPTED')));
    expect(unexpected).toEqual([]);
    expect(published.some((result) => result.status === 'DUPLICATE')).toBe(true); // the half-done batch was redelivered
    console.info(
      `[kafka crash] at SIGKILL ${appendedBeforeCrash} commands appended, ${answeredBeforeCrash} answered; ${published.length} results for ${interleaved.length} commands in all`,
    );

    const store = openSqliteEventStore({ file: join(dir, 'events.sqlite') });
    const gateway = new SandboxPaymentGateway({ path: join(dir, 'gateway.sqlite') });
    try {
      for (const [index, account] of ACCOUNTS.entries()) {
        expect(await commandOrderInStream(store, account)).toEqual(perAccount[index].map((command) => command.commandId));
      }
      const movements = gateway.listMovements();
      expect(doubledCharges(movements)).toEqual([]);
      expect(movements).toHaveLength(ACCOUNTS.length * CHARGES_PER_ACCOUNT);

      const stored = await store.readAll();
      await events.waitFor(`${stored.length} distinct relayed events`, (collector) => new Set(collector.json<LedgerEventMessage>().map((event) => event.eventId)).size >= stored.length);
      const relayed = events.json<LedgerEventMessage>();
      const copies = new Map<string, string>();
      for (const event of relayed) {
        const json = JSON.stringify(event);
        expect(copies.get(event.eventId) ?? json).toBe(json); // a duplicate is an identical copy
        copies.set(event.eventId, json);
      }
      expect(new Set(copies.keys())).toEqual(new Set(stored.map((event) => event.id)));
      for (const [accountId, accountEvents] of relayedByAccount(relayed)) {
        expect({ accountId, revisions: accountEvents.map((event) => event.streamRevision) }).toEqual({ accountId, revisions: accountEvents.map((_, index) => index) });
      }
    } finally {
      await store.close();
      await gateway.close();
    }
  });
});

/** How many commands have events in the store (the worker process writes it; we only read). */
async function appendedCommands(store: EventStore): Promise<number> {
  return new Set((await store.readAll()).map((event) => String(event.metadata.commandId))).size;
}

async function produceWhenTopicsExist(producer: Producer, topic: string, messages: { key: string; value: string }[], abortReason: () => string | undefined) {
  await pollUntil(() => produce(producer, topic, messages), { what: `producing to ${topic}`, timeoutMs: 60_000, intervalMs: 200, abortReason });
}
