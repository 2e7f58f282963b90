// Two ingest workers in one consumer group, rebalancing mid-stream: worker A ingests alone, B joins
// (rebalance), A is stopped with SIGTERM (rebalance), A comes back (rebalance), while the chaos test's
// realistic command mix (cards, upgrades, seat additions, usage, refunds, re-sends) keeps flowing.
// Both ingest workers share one SQLite event store and one sandbox gateway file; a third worker runs
// the projector into MongoDB. Afterwards every command has exactly one distinct outcome (results may
// be published twice, with the same outcome), the gateway moved exactly the money the events record,
// the streams are one consistent history and the read models equal a fresh replay.
// 127.0.0.1 only; bounded; stops by itself. LEDGER_CONCURRENCY_ACCOUNTS (default 100),
// LEDGER_CONCURRENCY_SEED replays a run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { MongoReadStore } from '@ledger/read-store';
import { pollUntil } from '../infra/poll';
import { STEPS_PER_ACCOUNT, accountScript } from '../chaos/support/chaos-script';
import { ChaosTraffic, ResultIndex } from '../chaos/support/chaos-traffic';
import { outcomeTally } from '../chaos/support/chaos-verdict';
import { SeededRandom, seedFromEnv } from '../chaos/support/seeded-random';
import { TopicCollector, isolatedNames, openProducer, testKafka, testWorkerSettings, workerEnv } from '../kafka/support/kafka-test-kit';
import { ConsumerGroupWatch } from './support/consumer-group';
import { expectLedgerTrue, waitForProjection, waitForTopics } from '../chaos/support/ledger-verdict';
import { WorkerFleet } from './support/worker-fleet';

const ACCOUNTS = Number(process.env.LEDGER_CONCURRENCY_ACCOUNTS ?? 100);
const SEED = seedFromEnv(process.env.LEDGER_CONCURRENCY_SEED);
const PHASE_TIMEOUT_MS = Math.max(120_000, ACCOUNTS * STEPS_PER_ACCOUNT * 60);
jest.setTimeout(PHASE_TIMEOUT_MS * 3);

describe(`two ingest workers rebalancing during ${ACCOUNTS} accounts' commands (seed ${SEED})`, () => {
  const names = isolatedNames('rebalance');
  const mongoDbName = `rebalance_${names.groupId.slice(-8)}`;
  let dir: string;
  let kafka: Kafka;
  let producer: Producer;
  let readStore: MongoReadStore;
  let collector: TopicCollector | undefined;
  let group: ConsumerGroupWatch | undefined;
  let fleet: WorkerFleet | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rebalance-'));
    kafka = testKafka('rebalance-test');
    producer = await openProducer(kafka);
    readStore = await MongoReadStore.connect({ url: process.env.MONGO_URL!, dbName: mongoDbName });
  });

  afterAll(async () => {
    await fleet?.killAll();
    await group?.close();
    await collector?.stop();
    await producer?.disconnect();
    await readStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every command once, charges nothing twice, and keeps one history across rebalances', async () => {
    const random = new SeededRandom(SEED);
    const accountIds = Array.from({ length: ACCOUNTS }, (_, index) => `rebal-${String(index).padStart(4, '0')}`);
    const scripts = accountIds.map((accountId) => accountScript(accountId, random));
    const waves = Array.from({ length: STEPS_PER_ACCOUNT }, (_, step) => scripts.map((script) => script[step]));

    // Small fetches: many batches, so partitions change hands with batches in flight.
    const settings = testWorkerSettings(names, { partitions: 6, maxBytesPerPartition: 16_384 });
    // One master key: a card sealed by one worker is charged by another.
    fleet = new WorkerFleet({ ...workerEnv(settings), LEDGER_DATA_DIR: dir, MONGO_URL: process.env.MONGO_URL!, LEDGER_MONGO_DB: mongoDbName, LEDGER_MASTER_KEY: randomBytes(32).toString('hex') });
    const workers = fleet;
    workers.start('projector', ['projector']);
    workers.start('ingest-a', ['ingest']);
    await waitForTopics(kafka, [names.topics.commands, names.topics.results], workers.abortReason);
    collector = await TopicCollector.start(kafka, names.topics.results);
    group = await ConsumerGroupWatch.open(kafka, names.groupId);
    const results = new ResultIndex(collector);
    const traffic = new ChaosTraffic(producer, names.topics.commands, results);
    const resultsSoFar = () => collector!.messages.length;
    const settle = (clientIds: string[]) => group!.waitFor(clientIds, resultsSoFar, workers.abortReason);
    const send = (from: number, to: number) => traffic.send(waves.slice(from, to), { backlog: Math.max(150, ACCOUNTS * 2), abortReason: workers.abortReason, timeoutMs: PHASE_TIMEOUT_MS });

    const started = Date.now();
    await settle(['ingest-a']);
    await send(0, 4);
    // Each membership change happens while waves are being sent and answered; later waves wait for it.
    workers.start('ingest-b', ['ingest']);
    await Promise.all([send(4, 7), settle(['ingest-a', 'ingest-b'])]);
    await send(7, 9);
    const [exitOfA] = await Promise.all([workers.stop('ingest-a'), send(9, 11), settle(['ingest-b'])]);
    expect(exitOfA).toEqual({ code: 0, signal: null });
    await send(11, 12);
    workers.start('ingest-a2', ['ingest']);
    await Promise.all([send(12, 14), settle(['ingest-a2', 'ingest-b'])]);
    await send(14, STEPS_PER_ACCOUNT);

    const commandIds = new Set(traffic.sent.map((envelope) => envelope.commandId));
    await pollUntil(
      async () => {
        if (results.answeredCommands < commandIds.size || results.all.length < traffic.sent.length) throw new Error(`${results.answeredCommands} of ${commandIds.size} commands answered`);
      },
      { what: 'a result for every command', timeoutMs: PHASE_TIMEOUT_MS, intervalMs: 100, abortReason: workers.abortReason },
    );
    const answeredMs = Date.now() - started;
    const head = await waitForProjection(dir, readStore, workers.abortReason);
    expect(await workers.stopAll()).toEqual({ projector: { code: 0, signal: null }, 'ingest-b': { code: 0, signal: null }, 'ingest-a2': { code: 0, signal: null } });

    const published = results.refresh().all;
    const { totals, verification } = await expectLedgerTrue({ dir, readStore, traffic, published, accountIds, head });
    console.info(
      `[ingest-rebalance] seed ${SEED}: ${traffic.sent.length} messages (${commandIds.size} commands, ${accountIds.length} accounts) over 6 partitions per topic (commands, usage); ` +
        `memberships ${group.history.map((membership) => `${JSON.stringify(membership.partitions)} at ${membership.atResults} results`).join(' → ')} (${group.history.length - 1} rebalances); ` +
        `all answered in ${answeredMs} ms; ${published.length} results (${published.length - traffic.sent.length} re-answers); outcomes ${JSON.stringify(outcomeTally(published))}; ` +
        `gateway ${totals.chargeCount} charges (${totals.chargedAmount} KRW), ${totals.refundCount} refunds (${totals.refundedAmount} KRW), equal to the events; verify: ${verification.accounts} accounts, ${verification.events} events, clean`,
    );
  });
});
