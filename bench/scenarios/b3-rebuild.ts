import { openSqliteEventStore, type GlobalPosition } from '@ledger/event-store';
import { Projector } from '@ledger/projections';
import { MemoryReadStore, MongoReadStore, type ReadStore } from '@ledger/read-store';
import { startMongoWire } from '../../test/infra/mongo-wire';
import { B5_ACCOUNTS, B5_QUICK_ACCOUNTS, sharedHistory } from '../harness/shared-history';
import { cpuMsSince, elapsedMs, perSecond, ratio, retainedMiB } from '../harness/measure';
import { runPhase, runPhaseIfChild, type PhaseInput } from '../harness/phases';
import { runScenario } from '../harness/scenario-result';

const at = (commit: number): GlobalPosition => ({ commit: BigInt(commit), prepare: BigInt(commit) });

/** A no-op subscriber over $all: what reading and decoding the stored events costs on its own. */
async function drain({ file, events }: PhaseInput) {
  const store = openSqliteEventStore({ file: String(file) });
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    const subscription = store.subscribeToAll({}, (event) => {
      if (event.position.commit === BigInt(Number(events))) void subscription.stop().then(resolve);
    }, reject);
  });
  const ms = elapsedMs(start);
  const cpuMs = cpuMsSince(cpuStart);
  await store.close();
  return { ms, cpuMs };
}

async function openReadStore(kind: string, mongoUrl: unknown): Promise<ReadStore> {
  if (kind === 'memory') return new MemoryReadStore();
  const store = await MongoReadStore.connect({ url: String(mongoUrl), dbName: `bench_${process.pid}` });
  await store.ensureIndexes();
  return store;
}

/** Rebuilds every read model from position 0, noting time and retained memory halfway and at the end. */
async function rebuild({ file, events, readStore: kind, mongoUrl }: PhaseInput) {
  const total = Number(events);
  const store = openSqliteEventStore({ file: String(file) });
  const readStore = await openReadStore(String(kind), mongoUrl);
  const errors: Error[] = [];
  const projector = new Projector(store, readStore, { onError: (error) => errors.push(error) });
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await projector.start();
  await projector.whenVisible(at(Math.floor(total / 2)));
  const halfMs = elapsedMs(start);
  const half = retainedMiB();
  await projector.whenVisible(at(total));
  const ms = elapsedMs(start);
  const cpuMs = cpuMsSince(cpuStart);
  const end = retainedMiB();
  await projector.stop();
  if (errors.length > 0) throw errors[0];
  await readStore.close();
  await store.close();
  return { ms, cpuMs, halfMs, rssHalf: half.rss, rssEnd: end.rss, heapHalf: half.heap, heapEnd: end.heap };
}

type Bench = Parameters<Parameters<typeof runScenario>[2]>[0];

async function measureMemoryRebuild(bench: Bench, file: string, events: number, drainRate: number, drainCpuRate: number): Promise<void> {
  const memory = await runPhase(__filename, 'rebuild', { file, events, readStore: 'memory' }, ['--expose-gc', '--max-old-space-size=12288']);
  const half = Math.floor(events / 2);
  const halfRate = perSecond(half, Number(memory.halfMs));
  const memoryRate = perSecond(events, Number(memory.ms));
  bench.figure(`in-memory rebuild, first ${half} events`, halfRate, 'events/s', { text: '>= 50000', met: halfRate >= 50_000 });
  bench.figure(`in-memory rebuild, all ${events} events`, memoryRate, 'events/s', { text: '>= 50000', met: memoryRate >= 50_000 });
  const versusDrain = ratio(memoryRate, drainRate);
  bench.figure('in-memory rebuild / drain', versusDrain, 'x', { text: '>= 0.5', met: versusDrain >= 0.5 });
  const cpuRate = perSecond(events, Number(memory.cpuMs));
  bench.figure('in-memory rebuild, events per CPU second (all threads, GC included; steadier than wall time under load)', cpuRate, 'events/s');
  bench.figure('in-memory rebuild / drain, per CPU second', ratio(cpuRate, drainCpuRate), 'x');
  bench.figure(`RSS after ${half} events (memory read store, after GC)`, Number(memory.rssHalf), 'MiB');
  bench.figure(`RSS after ${events} events (memory read store, after GC)`, Number(memory.rssEnd), 'MiB');
  const growth = ratio(Number(memory.rssEnd) - Number(memory.rssHalf), Number(memory.rssHalf));
  bench.figure('RSS growth from half to all (the memory read store holds every document)', growth, 'x', { text: '<= 0.10', met: growth <= 0.1 });
}

async function measureMongoRebuild(bench: Bench, file: string, events: number, drainRate: number): Promise<void> {
  const mongo = await startMongoWire({ heapMb: 3072 });
  try {
    const rebuilt = await runPhase(__filename, 'rebuild', { file, events, readStore: 'mongo', mongoUrl: mongo.url }, ['--expose-gc', '--max-old-space-size=12288']);
    const mongoRate = perSecond(events, Number(rebuilt.ms));
    bench.figure(`MongoDB-wire rebuild, first ${events} events`, mongoRate, 'events/s');
    const versusDrain = ratio(mongoRate, drainRate);
    bench.figure('MongoDB-wire rebuild / drain', versusDrain, 'x', { text: '>= 0.5', met: versusDrain >= 0.5 });
    const growth = ratio(Number(rebuilt.rssEnd) - Number(rebuilt.rssHalf), Number(rebuilt.rssHalf));
    bench.figure(`projector RSS growth from ${Math.floor(events / 2)} to ${events} events (MongoDB-wire)`, growth, 'x', { text: '<= 0.10', met: growth <= 0.1 });
  } finally {
    await mongo.stop();
  }
}

if (!runPhaseIfChild(__filename, { drain, rebuild })) {
  runScenario('B3', 'full rebuild of all read models from the event store', async (bench) => {
    const events = bench.scale(2_000_000, 20_000);
    const history = await sharedHistory(bench.scale(B5_ACCOUNTS, B5_QUICK_ACCOUNTS));
    if (history.events < events) throw new Error(`history of ${history.events} events is shorter than ${events}`);
    bench.note(`the first ${events} of ${history.events} events of ${history.accounts} accounts, interleaved (a year each: card, upgrade to PRO, then a usage reading and a renewal a month)`);
    const drained = await runPhase(__filename, 'drain', { file: history.file, events });
    const drainRate = perSecond(events, Number(drained.ms));
    bench.figure(`baseline no-op drain of $all (${events} events)`, drainRate, 'events/s');
    const drainCpuRate = perSecond(events, Number(drained.cpuMs));
    bench.figure('baseline drain, events per CPU second', drainCpuRate, 'events/s');
    await measureMemoryRebuild(bench, history.file, events, drainRate, drainCpuRate);
    // 200,000: the test server keeps ≈ 7 KB of Java heap per rebuilt event (1.3 GB live at 190,000), so its 3 GB heap holds ≈ 400,000 at most.
    await measureMongoRebuild(bench, history.file, bench.scale(200_000, 5_000), drainRate);
  });
}
