// Chaos: a realistic command mix over Kafka while the worker process is SIGKILLed at K seeded moments
// and restarted each time on the same data dir and Mongo read models. Afterwards every command has
// exactly one distinct outcome, the gateway moved money exactly once per accepted payment command,
// the hash chains are intact and the read models equal a fresh replay. Every other kill is aimed at a
// gateway call: the sandbox answers 100 ms after recording a charge, and the kill fires as soon as a
// new charge is recorded, so money has moved and the command's events are not appended yet.
// Twice: payments held by the embedded store's locks, and by PaymentStarted events (what KurrentDB
// relies on; a kill inside a gateway call then leaves a hold that the redelivered command resumes).
// Quick in `npm test`; full: `npm run test:chaos` (LEDGER_CHAOS_COMMANDS, LEDGER_CHAOS_KILLS,
// LEDGER_CHAOS_SEED to replay a run, LEDGER_CHAOS_HOLDS=locks|events for one mode only).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { MongoReadStore } from '@ledger/read-store';
import { pollUntil } from '../infra/poll';
import { TopicCollector, isolatedNames, openProducer, testKafka, testWorkerSettings, workerEnv } from '../kafka/support/kafka-test-kit';
import { STEPS_PER_ACCOUNT, accountScript } from './support/chaos-script';
import { ChaosTraffic, ResultIndex } from './support/chaos-traffic';
import { outcomeTally } from './support/chaos-verdict';
import { expectLedgerTrue, waitForProjection, waitForTopics } from './support/ledger-verdict';
import { SeededRandom, seedFromEnv } from './support/seeded-random';
import { KillMomentProbe } from './support/kill-moments';
import { WorkerSupervisor } from './support/worker-supervisor';

const COMMANDS = Number(process.env.LEDGER_CHAOS_COMMANDS ?? 600);
const KILLS = Number(process.env.LEDGER_CHAOS_KILLS ?? 3);
const SEED = seedFromEnv(process.env.LEDGER_CHAOS_SEED);
const PHASE_TIMEOUT_MS = Math.max(120_000, COMMANDS * 60);
jest.setTimeout(PHASE_TIMEOUT_MS * 3);

const HOLD_MODES: [string, Record<string, string>][] = [
  ['locks', {}],
  ['events', { LEDGER_PAYMENT_HOLD: 'events' }],
];
const MODES = HOLD_MODES.filter(([mode]) => (process.env.LEDGER_CHAOS_HOLDS ?? mode) === mode);

describe.each(MODES)(`worker SIGKILLed ${KILLS} times during ${COMMANDS} Kafka commands (seed ${SEED}, payments held by %s)`, (mode, holdEnv) => {
  const names = isolatedNames('chaos');
  const mongoDbName = `chaos_${names.groupId.slice(-8)}`;
  let dir: string;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector | undefined;
  let supervisor: WorkerSupervisor | undefined;
  let readStore: MongoReadStore;
  let probe: KillMomentProbe | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chaos-'));
    kafka = testKafka('chaos-test');
    producer = await openProducer(kafka);
    readStore = await MongoReadStore.connect({ url: process.env.MONGO_URL!, dbName: mongoDbName });
  });

  afterAll(async () => {
    await supervisor?.killAll();
    await probe?.close();
    await collector?.stop();
    await producer?.disconnect();
    await readStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every command once, charges nothing twice, and keeps chains and read models true', async () => {
    const random = new SeededRandom(SEED);
    const accountIds = Array.from({ length: Math.max(1, Math.round(COMMANDS / STEPS_PER_ACCOUNT)) }, (_, index) => `chaos-${String(index).padStart(4, '0')}`);
    const scripts = accountIds.map((accountId) => accountScript(accountId, random));
    const waves = Array.from({ length: STEPS_PER_ACCOUNT }, (_, step) => scripts.map((script) => script[step]));
    const messages = accountIds.length * STEPS_PER_ACCOUNT;
    const killAt = Array.from({ length: KILLS }, () => Math.round(messages * (0.05 + 0.8 * random.next()))).sort((a, b) => a - b);

    const settings = testWorkerSettings(names, { maxBytesPerPartition: 16_384 });
    const env = {
      ...workerEnv(settings),
      LEDGER_DATA_DIR: dir,
      MONGO_URL: process.env.MONGO_URL!,
      LEDGER_MONGO_DB: mongoDbName,
      LEDGER_MASTER_KEY: randomBytes(32).toString('hex'),
      LEDGER_SANDBOX_RESPONSE_DELAY_MS: '100',
      ...holdEnv,
    };
    supervisor = new WorkerSupervisor(env);
    const running = supervisor;
    probe = await KillMomentProbe.open(dir, readStore, process.env.MONGO_URL!, mongoDbName);
    await waitForTopics(kafka, [names.topics.commands, names.topics.results], running.abortReason);
    collector = await TopicCollector.start(kafka, names.topics.results);
    const results = new ResultIndex(collector);
    const traffic = new ChaosTraffic(producer, names.topics.commands, results);

    const started = Date.now();
    const backlog = Math.max(150, accountIds.length * 2);
    await Promise.all([
      traffic.send(waves, { backlog, abortReason: running.abortReason, timeoutMs: PHASE_TIMEOUT_MS }),
      running.killAt({ resultCounts: killAt, aimAtCharges: true }, () => collector!.messages.length, started, PHASE_TIMEOUT_MS, probe),
    ]);
    const commandIds = new Set(traffic.sent.map((envelope) => envelope.commandId));
    await pollUntil(
      async () => {
        if (results.answeredCommands < commandIds.size || results.all.length < traffic.sent.length) throw new Error(`${results.answeredCommands} of ${commandIds.size} commands answered`);
      },
      { what: 'a result for every command', timeoutMs: PHASE_TIMEOUT_MS, intervalMs: 100, abortReason: running.abortReason },
    );
    const answeredMs = Date.now() - started;
    const head = await waitForProjection(dir, readStore, running.abortReason);
    expect(await running.stop()).toEqual({ code: 0, signal: null });

    // Each aimed kill interrupted a gateway call: a charge recorded, its command's events not appended.
    expect(running.kills.filter((kill) => kill.afterCharge && kill.chargedNotAppended === 0)).toEqual([]);

    const published = results.refresh().all;
    const { totals, verification } = await expectLedgerTrue({ dir, readStore, traffic, published, accountIds, head });
    console.info(
      `[chaos] seed ${SEED}, holds by ${mode}: ${traffic.sent.length} messages (${commandIds.size} commands, ${accountIds.length} accounts), ${running.kills.length} SIGKILLs at results ${running.kills.map((kill) => kill.atResults).join(', ')}; ` +
        `kills inside a gateway call (charged, not appended) ${running.kills.filter((kill) => kill.chargedNotAppended > 0).length} (aimed ${running.kills.filter((kill) => kill.afterCharge).length}), ` +
        `inside a projection batch (documents past the checkpoint) ${running.kills.filter((kill) => kill.projectedPastCheckpoint > 0).length}; ` +
        `all answered in ${answeredMs} ms; ${published.length} results (${published.length - traffic.sent.length} re-answers after crashes); outcomes ${JSON.stringify(outcomeTally(published))}; ` +
        `gateway ${totals.chargeCount} charges (${totals.chargedAmount} KRW), ${totals.refundCount} refunds (${totals.refundedAmount} KRW), 0 doubled; verify: ${verification.accounts} accounts, ${verification.events} events, clean`,
    );
  });
});
