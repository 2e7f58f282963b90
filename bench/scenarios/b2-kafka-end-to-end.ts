import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedgerRuntime } from '@ledger/runtime';
import { startWorker } from '../../apps/worker/src/start-worker';
import { workerSettingsFromEnv } from '../../apps/worker/src/worker-settings';
import { startKafka } from '../../test/infra/kafka-broker';
import { elapsedMs, perSecond, ratio } from '../harness/measure';
import { runPhase } from '../harness/phases';
import { runScenario } from '../harness/scenario-result';

const LOAD = require.resolve('../harness/kafka-load');

runScenario('B2', 'end to end over the real broker: produce → result published, read model visible', async (bench) => {
  const count = bench.scale(50_000, 2_000);
  const seconds = bench.scale(20, 3);
  const kafka = await startKafka({ heapMb: 1024 });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-b2-'));
  try {
    const brokers = kafka.brokers.join(',');
    const runtime = await openLedgerRuntime({ dataDir, mongoDbName: 'bench', testClock: false, kafkaBrokers: kafka.brokers });
    await runtime.projector.start();
    // LEDGER_INGEST_PIPELINE_DEPTH passes through, so a pipelined and an unpipelined run can be compared.
    const depth = process.env.LEDGER_INGEST_PIPELINE_DEPTH;
    const settings = workerSettingsFromEnv({ KAFKA_BROKERS: brokers, LEDGER_WORKER_ROLES: 'ingest', ...(depth ? { LEDGER_INGEST_PIPELINE_DEPTH: depth } : {}) });
    const worker = await startWorker(runtime, settings, { logger: false });
    const topics = { brokers, commandsTopic: settings.topics.commands, resultsTopic: settings.topics.results };
    const untilVisible = async () => {
      const started = process.hrtime.bigint();
      const head = await runtime.eventStore.headPosition();
      if (head) await runtime.projector.whenVisible(head);
      return Math.round(elapsedMs(started));
    };
    try {
      const raw = await runPhase(LOAD, 'rawConsumer', { brokers, topic: 'bench.raw-parse.v1', count });
      const rawRate = perSecond(count, Number(raw.ms));
      bench.figure('baseline raw kafkajs eachBatch consumer (JSON.parse only)', rawRate, 'msg/s');

      const saturated = await runPhase(LOAD, 'saturate', { ...topics, count, prefix: 'max' });
      const maxRate = perSecond(count, Number(saturated.ms));
      bench.figure(`max sustained: ${count} commands produced at once, all results back`, maxRate, 'cmd/s', { text: '>= 5000', met: maxRate >= 5000 });
      bench.figure('max sustained / raw consumer', ratio(maxRate, rawRate), 'x');
      bench.figure('read models visible after the last result', await untilVisible(), 'ms');

      for (const share of [0.5, 0.8]) {
        const rate = Math.max(100, Math.round(maxRate * share));
        const loop = await runPhase(LOAD, 'openLoop', { ...topics, rate, seconds, prefix: `load${share * 100}` });
        const label = `${share * 100} % load (${rate} cmd/s offered, ${loop.achieved} achieved)`;
        bench.figure(`${label}: p50`, Number(loop.p50), 'ms');
        bench.figure(`${label}: p99`, Number(loop.p99), 'ms', share === 0.5 ? { text: '<= 250', met: Number(loop.p99) <= 250 } : undefined);
        bench.figure(`${label}: read models visible after the last result`, await untilVisible(), 'ms');
        bench.note(`${label}: p99 of each second of sends, ms: ${loop.p99BySecond}`);
      }
      bench.note(
        `USAGE_RECORD commands over ${1000} accounts, keyed by account, ${settings.partitions} partitions, ingest pipeline depth ${settings.ingestPipelineDepth}; ` +
          'worker role ingest in this process with the projector; producer and result consumer in a child process',
      );
    } finally {
      await worker.close();
      await runtime.close();
    }
  } finally {
    await kafka.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
