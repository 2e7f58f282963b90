// Sustained load (`npm run test:load`, not part of `npm test`): for LEDGER_LOAD_SECONDS (default 600)
// both at once, at 80 % of the maximum measured first (15 s, also both at once):
//  (a) signed HMAC `GET /crm-core/v1/plans/me/billing-logs` on the api process (autocannon, fixed rate);
//  (b) Kafka ingestion by the worker process (usage records produced at a fixed rate).
// Zero errors, memory flat (RSS every 10 s: last "minute" within 10 % of the second), projection lag
// bounded. 127.0.0.1 only; stops by itself.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { type EventStore, openSqliteEventStore } from '@ledger/event-store';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import { MongoReadStore } from '@ledger/read-store';
import { freePort } from '../infra/free-port';
import { pollUntil } from '../infra/poll';
import { isolatedNames, openProducer, testKafka, testWorkerSettings, workerEnv } from '../kafka/support/kafka-test-kit';
import { EntryProcess, apiReady } from './support/entry-process';
import { loadBillingLogs } from './support/http-load';
import { ResultCounter, UsageStream } from './support/kafka-load';
import { RssSampler, flatness } from './support/rss-sampler';

const SECONDS = Number(process.env.LEDGER_LOAD_SECONDS ?? 600);
const MEASURE_SECONDS = 15;
const LOAD_SHARE = 0.8;
const KAFKA_BURST = 20_000;
jest.setTimeout((SECONDS + 600) * 1000);

describe(`sustained load for ${SECONDS} s at ${LOAD_SHARE * 100} % of the measured maximum`, () => {
  const names = isolatedNames('sustained');
  const mongoDbName = `load_${names.groupId.slice(-8)}`;
  const dirs = { api: '', worker: '' };
  let api: EntryProcess;
  let worker: EntryProcess;
  let kafka: Kafka;
  let producer: Producer;
  let results: ResultCounter;
  let deadLetters: ResultCounter;
  let readStore: MongoReadStore;
  let watcher: EventStore;

  beforeAll(async () => {
    dirs.api = mkdtempSync(join(tmpdir(), 'load-api-'));
    dirs.worker = mkdtempSync(join(tmpdir(), 'load-worker-'));
    readStore = await MongoReadStore.connect({ url: process.env.MONGO_URL!, dbName: mongoDbName });
    kafka = testKafka('sustained-load');
    producer = await openProducer(kafka);
  });

  afterAll(async () => {
    await results?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await worker?.stop('SIGKILL');
    await api?.stop();
    await watcher?.close();
    await readStore?.close();
    for (const dir of Object.values(dirs)) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves and ingests at 80 % of the maximum with zero errors, flat memory and bounded lag', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    api = EntryProcess.start('apps/api/src/main.ts', { LEDGER_DATA_DIR: dirs.api, PORT: String(port), LEDGER_RATE_LIMIT_MAX: '1000000', LEDGER_LOG_LEVEL: 'warn', ...nodeOptions });
    const settings = testWorkerSettings(names, { partitions: 6, ingestConcurrency: 6 });
    worker = EntryProcess.start('apps/worker/src/main.ts', { ...workerEnv(settings), LEDGER_DATA_DIR: dirs.worker, MONGO_URL: process.env.MONGO_URL!, LEDGER_MONGO_DB: mongoDbName, LEDGER_MASTER_KEY: randomBytes(32).toString('hex'), ...nodeOptions });
    const workerExited = () => worker.abortReason();
    const key = await apiReady(api, baseUrl);
    const usage = new UsageStream(producer, names.topics.commands, 500);
    await pollUntil(() => usage.send(1), { what: 'the worker creating its topics', timeoutMs: 60_000, intervalMs: 200, abortReason: workerExited });
    results = await ResultCounter.start(kafka, names.topics.results, true);
    deadLetters = await ResultCounter.start(kafka, names.topics.deadLetters, false);
    const allAnswered = (what: string, timeoutMs: number) =>
      pollUntil(
        async () => {
          if (results.total < usage.produced) throw new Error(`${results.total} of ${usage.produced} answered`);
        },
        { what, timeoutMs, intervalMs: 100, abortReason: () => workerExited() ?? api.abortReason() },
      );
    await allAnswered('the first command answered', 60_000);

    // The maximum, both at once: HTTP flat out for 15 s, and how fast the worker answers a burst.
    const burstStarted = Date.now();
    const burstMs = usage
      .send(KAFKA_BURST)
      .then(() => allAnswered('the burst answered', 300_000))
      .then(() => Date.now() - burstStarted);
    const [httpMax, drainedMs] = await Promise.all([loadBillingLogs(baseUrl, key, MEASURE_SECONDS), burstMs]);
    const kafkaMaxPerSecond = Math.round((KAFKA_BURST * 1000) / drainedMs);
    expect({ errors: httpMax.errors, non2xx: httpMax.non2xx }).toEqual({ errors: 0, non2xx: 0 });
    const httpRate = Math.round(httpMax.requestsPerSecond * LOAD_SHARE);
    const kafkaRate = Math.round(kafkaMaxPerSecond * LOAD_SHARE);

    const rss = new RssSampler({ api: api.pid, worker: worker.pid }, Math.min(10_000, (SECONDS * 1000) / 20));
    const lag = new LagSampler(openSqliteEventStore({ file: join(dirs.worker, 'events.sqlite') }), readStore, () => usage.produced - results.total);
    watcher = lag.store;
    const producedBefore = usage.produced;
    const until = Date.now() + SECONDS * 1000;
    const [http] = await Promise.all([loadBillingLogs(baseUrl, key, SECONDS, httpRate), usage.paced(kafkaRate, until, () => workerExited() !== undefined)]);
    rss.stop();
    lag.stop();
    expect(workerExited() ?? api.abortReason() ?? 'both running').toBe('both running');
    await allAnswered('every command of the run answered', 120_000);

    const memory = { api: flatness(rss.samples.get('api')!, SECONDS), worker: flatness(rss.samples.get('worker')!, SECONDS) };
    const ingested = usage.produced - producedBefore;
    console.info(
      `[load] ${SECONDS} s; max: HTTP ${httpMax.requestsPerSecond} req/s (p99 ${httpMax.p99Ms} ms), Kafka ${kafkaMaxPerSecond} commands/s; ` +
        `at 80 %: HTTP ${http.requests} requests = ${http.requestsPerSecond} req/s of ${httpRate} (p50 ${http.p50Ms} ms, p99 ${http.p99Ms} ms, errors ${http.errors}, timeouts ${http.timeouts}, non-2xx ${http.non2xx}); ` +
        `Kafka ${ingested} commands = ${Math.round(ingested / SECONDS)}/s of ${kafkaRate}, not accepted ${results.notAccepted} (last: ${results.lastProblem ?? "none"}), dead letters ${deadLetters.total}; ` +
        `RSS MiB api ${JSON.stringify(memory.api)} worker ${JSON.stringify(memory.worker)}; lag max: projection ${lag.maxProjectionLag} events, unanswered ${lag.maxUnanswered}; ` +
        `RSS samples api ${rss.samples.get('api')!.map((sample) => sample.rssMiB).join(' ')}; worker ${rss.samples.get('worker')!.map((sample) => sample.rssMiB).join(' ')}; projection lag samples ${lag.projectionLags.join(' ')}`,
    );

    expect({ errors: http.errors, timeouts: http.timeouts, non2xx: http.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(http.requestsPerSecond).toBeGreaterThanOrEqual(Math.floor(httpRate * 0.9));
    expect({ notAccepted: results.notAccepted, lastProblem: results.lastProblem, deadLetters: deadLetters.total }).toEqual({ notAccepted: 0, lastProblem: undefined, deadLetters: 0 });
    expect(results.total).toBe(usage.produced);
    expect(ingested).toBeGreaterThanOrEqual(Math.floor(kafkaRate * SECONDS * 0.9));
    expect(Math.abs(memory.api.drift)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(memory.worker.drift)).toBeLessThanOrEqual(0.1);
    // Bounded: never more than 10 s of ingestion behind (readiness allows 10,000 positions).
    expect(lag.maxProjectionLag).toBeLessThanOrEqual(Math.max(1_000, kafkaRate * 10));
    expect(lag.maxUnanswered).toBeLessThanOrEqual(Math.max(1_000, kafkaRate * 10));
  });
});

/** Node flags for the api and worker processes (e.g. `--max-old-space-size=384` tells garbage from a leak). */
const nodeOptions: Record<string, string> = process.env.LEDGER_LOAD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.LEDGER_LOAD_NODE_OPTIONS } : {};

/** Every 10 s: events the worker's projector is behind the store's head, and commands not yet answered. */
class LagSampler {
  readonly projectionLags: number[] = [];
  maxProjectionLag = 0;
  maxUnanswered = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly store: EventStore,
    private readonly readStore: MongoReadStore,
    private readonly unanswered: () => number,
  ) {
    this.timer = setInterval(() => void this.sample(), 10_000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    const head = await this.store.headPosition();
    const checkpoint = await this.readStore.checkpoints.get(PROJECTOR_CHECKPOINT);
    const behind = Number((head?.commit ?? 0n) - (checkpoint?.commit ?? 0n));
    this.projectionLags.push(behind);
    this.maxProjectionLag = Math.max(this.maxProjectionLag, behind);
    this.maxUnanswered = Math.max(this.maxUnanswered, this.unanswered());
  }
}
