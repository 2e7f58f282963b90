import type { CommandHandler, SettableClock } from '@ledger/ledger';
import type { RecordedEvent } from '@ledger/event-store';
import { openLedgerFixture, type LedgerFixture } from '../../libs/ledger/src/testing/ledger-fixture';
import { benchAccountId, usageRecord, type EnvelopeSource } from '../harness/commands';
import { cpuMsSince, elapsedMs, perSecond, ratio } from '../harness/measure';
import { groupByCommand, rawAppendMs } from '../harness/raw-sqlite-baseline';
import { runScenario, type ScenarioContext } from '../harness/scenario-result';
import { measureCpuSteps } from './b1-cpu-steps';

const sourceOf = (clock: SettableClock): EnvelopeSource => ({ issuedAt: () => clock.now().toISOString() });

async function expectAccepted(handler: CommandHandler, raws: readonly unknown[]): Promise<void> {
  const outcomes = await handler.handleMany(raws);
  const refused = outcomes.find((outcome) => outcome.status !== 'ACCEPTED');
  if (refused) throw new Error(`Benchmark command not accepted: ${JSON.stringify(refused)}`);
}

/** Sequential commands on one account (each waits for the previous: the per-account order). */
async function oneAccountMs(fixture: LedgerFixture, handler: CommandHandler, accountId: string, from: number, count: number): Promise<number> {
  const source = sourceOf(fixture.clock);
  const start = process.hrtime.bigint();
  for (let sequence = from; sequence < from + count; sequence++) {
    await expectAccepted(handler, [usageRecord(source, accountId, sequence)]);
  }
  return elapsedMs(start);
}

/** Where a USAGE_RECORD's CPU goes before the store (see b1-cpu-steps.ts). */
function reportCpuSteps(bench: ScenarioContext): void {
  const steps = measureCpuSteps(bench.scale(20_000, 2_000), bench.scale(20_000, 500));
  bench.figure('CPU per USAGE_RECORD: validate the envelope', steps.validate, 'µs');
  bench.figure('CPU per USAGE_RECORD: decide', steps.decide, 'µs');
  bench.figure('CPU per USAGE_RECORD: hash chain link', steps.hashChain, 'µs');
  bench.figure('CPU per USAGE_RECORD: event id (UUID v5)', steps.eventId, 'µs');
  bench.figure('CPU per USAGE_RECORD: evolve, small state', steps.evolveSmall, 'µs');
  bench.figure(`CPU per USAGE_RECORD: evolve, state with ${bench.scale(20_000, 500)} usage ids`, steps.evolveLarge, 'µs');
  bench.figure('CPU per USAGE_RECORD: JSON of data and metadata', steps.serialise, 'µs');
}

runScenario('B1', 'command handling in process (SQLite store + sandbox gateway + CommandHandler)', async (bench) => {
  const accounts = bench.scale(1000, 100);
  const rounds = bench.scale(40, 5);
  const history = bench.scale(10_000, 500);
  const sequential = bench.scale(2000, 200);

  const many = openLedgerFixture();
  try {
    const source = sourceOf(many.clock);
    const round = (r: number) => Array.from({ length: accounts }, (_, a) => usageRecord(source, benchAccountId(a), r));
    await expectAccepted(many.handler, round(0)); // warm-up: JIT, caches, streams created
    const warmHead = await many.store.headPosition();
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let r = 1; r <= rounds; r++) await expectAccepted(many.handler, round(r));
    const handlerMs = elapsedMs(start);
    const commands = accounts * rounds;
    const handlerRate = perSecond(commands, handlerMs);
    bench.figure(`${accounts} accounts: commands/s`, handlerRate, 'cmd/s', { text: '>= 20000', met: handlerRate >= 20_000 });
    bench.figure(`${accounts} accounts: CPU per command (handler and store, this process)`, Math.round((cpuMsSince(cpuStart) * 1000) / commands), 'µs');

    const appended: RecordedEvent[] = await many.store.readAll({ after: warmHead });
    const perCommand = groupByCommand(appended);
    const perRound = Array.from({ length: rounds }, (_, r) => perCommand.slice(r * accounts, (r + 1) * accounts).flat());
    const groupedRate = perSecond(commands, rawAppendMs(many.dir, 'raw-per-round', perRound));
    const perCommandRate = perSecond(commands, rawAppendMs(many.dir, 'raw-per-command', perCommand));
    bench.figure('baseline raw SQLite, one transaction per round of concurrent commands', groupedRate, 'cmd/s');
    bench.figure('baseline raw SQLite, one transaction per command', perCommandRate, 'cmd/s');
    const versusGrouped = ratio(handlerRate, groupedRate);
    bench.figure('handler / raw grouped baseline', versusGrouped, 'x', { text: '>= 0.5', met: versusGrouped >= 0.5 });
    bench.figure('handler / raw per-command baseline', ratio(handlerRate, perCommandRate), 'x');
    bench.note(`${commands} USAGE_RECORD commands in ${rounds} rounds of handleMany over ${accounts} accounts, after one warm-up round`);
  } finally {
    await many.close();
  }

  reportCpuSteps(bench);

  const one = openLedgerFixture();
  try {
    const long = 'acct-long-history';
    await oneAccountMs(one, one.handler, long, 0, history);
    const coldHandler = one.newHandler(); // own cache: its first command folds the whole stream
    const firstMs = await oneAccountMs(one, coldHandler, long, history, 1);
    const longMs = await oneAccountMs(one, coldHandler, long, history + 1, sequential);
    const freshMs = await oneAccountMs(one, coldHandler, 'acct-fresh', 0, sequential);
    bench.figure(`one account, ${history} events of history: first command on a cold cache (folds the stream)`, Math.round(firstMs), 'ms');
    bench.figure(`one account, ${history} events of history: next ${sequential} commands`, perSecond(sequential, longMs), 'cmd/s');
    bench.figure(`one fresh account: ${sequential} commands`, perSecond(sequential, freshMs), 'cmd/s');
    const cost = ratio(longMs, freshMs);
    bench.figure('long history cost / fresh account cost (warm cache)', cost, 'x', { text: '<= 1.2', met: cost <= 1.2 });
    const coldCost = ratio(longMs + firstMs, freshMs);
    bench.figure(`the same, the cold first command included`, coldCost, 'x', { text: '<= 1.2', met: coldCost <= 1.2 });
  } finally {
    await one.close();
  }
});
