import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedgerRuntime } from '@ledger/runtime';
import { benchAccountId, usageRecord } from '../harness/commands';
import { cpuMsSince, elapsedMs, ratio, retainedMiB } from '../harness/measure';
import { runPhase, runPhaseIfChild, type PhaseInput } from '../harness/phases';
import { B5_ACCOUNTS, B5_QUICK_ACCOUNTS, sharedHistory } from '../harness/shared-history';
import { runScenario } from '../harness/scenario-result';

/** The histories end with the 2026-01 renewal; the steady load records usage in that period. */
const LOAD_INSTANT = '2026-01-20T03:00:00.000Z';

/** Deterministic account choice for the load (a 32-bit LCG: the same run gives the same accounts). */
const accountPicker = (accounts: number) => {
  let seed = 12345;
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return benchAccountId(seed % accounts);
  };
};

/** Sequence numbers of the warm-up's commands, apart from the load's (0, 1, …). */
const WARM_UP_SEQUENCE = 1_000_000_000;

/**
 * One command for every account, 1,000 at a time: the command handler's account cache (bounded:
 * 50,000 accounts, 16 M ids) fills as it would after hours of traffic, so that the steady load
 * measures a process in its steady state, not the cache's first filling (which the 10-minute soak
 * of 2026-12-07 saw as +12 % RSS, decelerating, while the cache reached its bound).
 */
async function warmUp(runtime: Awaited<ReturnType<typeof openLedgerRuntime>>, accounts: number, source: { issuedAt: () => string }): Promise<void> {
  for (let first = 0; first < accounts; first += 1000) {
    const batch = Array.from({ length: Math.min(1000, accounts - first) }, (_, index) => usageRecord(source, benchAccountId(first + index), WARM_UP_SEQUENCE + first + index));
    await runtime.commands.handleMany(batch);
  }
  const head = await runtime.eventStore.headPosition();
  if (head) await runtime.projector.whenVisible(head);
}

/**
 * The embedded process (SQLite event store, sandbox gateway, memory read store, projector, command
 * handler) opened over a year of history, caught up, for the soak warmed up (one command per
 * account), then under an open-loop command load.
 */
async function embedded({ file, accounts, seconds, rate, warm }: PhaseInput) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-b5-'));
  try {
    copyFileSync(String(file), join(dataDir, 'events.sqlite'));
    if (existsSync(`${String(file)}-wal`)) copyFileSync(`${String(file)}-wal`, join(dataDir, 'events.sqlite-wal'));
    const runtime = await openLedgerRuntime({ dataDir, mongoDbName: 'bench', testClock: true });
    runtime.testClock!.set(LOAD_INSTANT);
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    await runtime.projector.start();
    const head = await runtime.eventStore.headPosition();
    if (head) await runtime.projector.whenVisible(head);
    const catchUpMs = elapsedMs(start);
    const catchUpCpuMs = cpuMsSince(cpuStart);
    const caughtUp = retainedMiB();
    const source = { issuedAt: () => runtime.clock.now().toISOString() };
    const warmUpStart = process.hrtime.bigint();
    if (warm) await warmUp(runtime, Number(accounts), source);
    const warmUpMs = elapsedMs(warmUpStart);
    const warmedUp = retainedMiB();

    const pick = accountPicker(Number(accounts));
    const perTick = Math.max(1, Math.round(Number(rate) / 10));
    const samples: number[] = [];
    let sent = 0;
    let refused = 0;
    const inFlight = new Set<Promise<unknown>>();
    const loadStart = Date.now();
    let lastSample = loadStart;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const batch = Array.from({ length: perTick }, () => usageRecord(source, pick(), sent++));
        const handled = runtime.commands.handleMany(batch).then((outcomes) => {
          refused += outcomes.filter((outcome) => outcome.status !== 'ACCEPTED').length;
          inFlight.delete(handled);
        });
        inFlight.add(handled);
        if (Date.now() - lastSample >= 10_000) {
          lastSample = Date.now();
          samples.push(retainedMiB().rss);
        }
        if (Date.now() - loadStart >= Number(seconds) * 1000) {
          clearInterval(tick);
          resolve();
        }
      }, 100);
    });
    await Promise.all(inFlight);
    const lastHead = await runtime.eventStore.headPosition();
    if (lastHead) await runtime.projector.whenVisible(lastHead);
    const end = retainedMiB();
    await runtime.close();
    return {
      catchUpMs,
      catchUpCpuMs,
      rssCaughtUp: caughtUp.rss,
      heapCaughtUp: caughtUp.heap,
      warmUpMs,
      rssWarmedUp: warmedUp.rss,
      rssFirstSample: samples[0] ?? warmedUp.rss,
      rssLowestSample: Math.min(...samples, end.rss),
      rssEnd: end.rss,
      heapEnd: end.heap,
      rssMax: Math.max(end.rss, ...samples),
      sent,
      refused,
      samples: samples.join(','),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!runPhaseIfChild(__filename, { embedded })) {
  runScenario('B5', 'memory of the embedded process', async (bench) => {
    const soak = process.env.BENCH_SOAK === '1';
    const accounts = bench.scale(B5_ACCOUNTS, B5_QUICK_ACCOUNTS);
    const seconds = soak ? 600 : bench.scale(60, 5);
    const rate = bench.scale(200, 100);
    const history = await sharedHistory(accounts);
    // The soak starts from a warm process; the 60 s run keeps to the 15-minute budget without it.
    const result = await runPhase(__filename, 'embedded', { file: history.file, accounts, seconds, rate, warm: soak }, ['--expose-gc', '--max-old-space-size=12288']);
    bench.note(`${accounts} accounts, ${history.events} events of history; then ${seconds} s of ${rate} USAGE_RECORD commands/s (open loop, random accounts); RSS samples every 10 s: ${result.samples}`);
    const growthOver = (from: unknown) => ratio(Number(result.rssEnd) - Number(from), Number(from));
    bench.figure('catch-up of the read models at start', Math.round(Number(result.catchUpMs) / 1000), 's');
    bench.figure('catch-up CPU time (all threads; the wall time stretches with the machine load)', Math.round(Number(result.catchUpCpuMs) / 1000), 's');
    bench.figure(`RSS after catch-up (${history.events} events, after GC)`, Number(result.rssCaughtUp), 'MiB');
    bench.figure('heap after catch-up', Number(result.heapCaughtUp), 'MiB');
    if (soak) {
      bench.figure(`warm-up: one command per account (${accounts}), the handler's account cache filling to its bound`, Math.round(Number(result.warmUpMs) / 1000), 's');
      bench.figure('RSS after the warm-up (after GC)', Number(result.rssWarmedUp), 'MiB');
    }
    bench.figure(`RSS at the end of ${seconds} s of load`, Number(result.rssEnd), 'MiB');
    bench.figure(`RSS growth from the first 10 s sample to the end (${result.sent} commands, ${result.refused} refused)`, growthOver(result.rssFirstSample), 'x');
    // Judged from the lowest sample: a falling start (the warm-up's garbage returned) cannot hide growth after it.
    const growth = growthOver(result.rssLowestSample);
    bench.figure('RSS growth from the lowest 10 s sample to the end', growth, 'x', { text: '~0 (no growth)', met: growth <= 0.02 });
  });
}
