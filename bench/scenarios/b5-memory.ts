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

/**
 * The embedded process (SQLite event store, sandbox gateway, memory read store, projector, command
 * handler) opened over a year of history, caught up, then under an open-loop command load.
 */
async function embedded({ file, accounts, seconds, rate }: PhaseInput) {
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

    const pick = accountPicker(Number(accounts));
    const perTick = Math.max(1, Math.round(Number(rate) / 10));
    const samples: number[] = [];
    let sent = 0;
    let refused = 0;
    const inFlight = new Set<Promise<unknown>>();
    const source = { issuedAt: () => runtime.clock.now().toISOString() };
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
      rssFirstSample: samples[0] ?? caughtUp.rss,
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
    const result = await runPhase(__filename, 'embedded', { file: history.file, accounts, seconds, rate }, ['--expose-gc', '--max-old-space-size=12288']);
    bench.note(`${accounts} accounts, ${history.events} events of history; then ${seconds} s of ${rate} USAGE_RECORD commands/s (open loop, random accounts); RSS samples every 10 s: ${result.samples}`);
    bench.figure('catch-up of the read models at start', Math.round(Number(result.catchUpMs) / 1000), 's');
    bench.figure('catch-up CPU time (all threads; the wall time stretches with the machine load)', Math.round(Number(result.catchUpCpuMs) / 1000), 's');
    bench.figure(`RSS after catch-up (${history.events} events, after GC)`, Number(result.rssCaughtUp), 'MiB');
    bench.figure('heap after catch-up', Number(result.heapCaughtUp), 'MiB');
    bench.figure(`RSS at the end of ${seconds} s of load`, Number(result.rssEnd), 'MiB');
    const growth = ratio(Number(result.rssEnd) - Number(result.rssFirstSample), Number(result.rssFirstSample));
    bench.figure(`RSS growth from the first 10 s sample to the end (${result.sent} commands, ${result.refused} refused)`, growth, 'x', { text: '~0 (no growth)', met: growth <= 0.02 });
  });
}
