// The projector's minimum flush interval: while events keep coming, a flush waits for the interval
// since the previous one, unless someone waits for a position (read-your-writes) or the projector stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparePositions } from '@ledger/event-store';
import { MemoryReadStore } from '@ledger/read-store';
import { Projector } from '@ledger/projections';
import { LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { VISA_OK, envelope } from '../../libs/ledger/src/testing/ledger-fixture';
import { pollUntil } from '../infra/poll';

/** Longer than the test's timeout: a flush that waited for it would fail the test. */
const INTERVAL_MS = 120_000;

describe('Projector minimum flush interval', () => {
  let dir: string;
  let runtime: LedgerRuntime;
  let usage = 0;
  const recordUsage = () =>
    runtime.commands.handle(envelope(runtime.testClock!, 'acct-i', 'USAGE_RECORD', { usageId: `u-${usage++}`, metric: 'messages', quantity: 1 }));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-interval-'));
    runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: true });
    runtime.testClock!.set('2026-04-01T00:00:00.000Z');
    await runtime.commands.handle(envelope(runtime.testClock!, 'acct-i', 'PAYMENT_METHOD_UPDATE', VISA_OK));
    await recordUsage();
  });
  afterEach(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A projector with the long interval, caught up once, and how many events it has folded. */
  async function caughtUpProjector() {
    const counted = { folded: 0 };
    const projector = new Projector(runtime.eventStore, new MemoryReadStore(), {
      minFlushIntervalMs: INTERVAL_MS,
      accountIdOf: (streamId) => {
        counted.folded += 1;
        return streamId.slice('account-'.length);
      },
    });
    await projector.start();
    await projector.whenVisible((await runtime.eventStore.headPosition())!);
    return { projector, counted };
  }

  async function appendAndFold(counted: { folded: number }) {
    const before = counted.folded;
    await recordUsage();
    const head = (await runtime.eventStore.headPosition())!;
    await pollUntil(
      async () => {
        if (counted.folded <= before) throw new Error('not folded yet');
      },
      { what: 'the new event folded', timeoutMs: 10_000, intervalMs: 2 },
    );
    return head;
  }

  it('holds a folded event back within the interval, and flushes at once for a waiter', async () => {
    const { projector, counted } = await caughtUpProjector();
    const head = await appendAndFold(counted);
    expect(comparePositions(projector.checkpoint!, head)).toBeLessThan(0);

    await projector.whenVisible(head);
    expect(projector.checkpoint).toEqual(head);
    await projector.stop();
  }, 30_000);

  it('writes what it holds back when it stops', async () => {
    const { projector, counted } = await caughtUpProjector();
    const head = await appendAndFold(counted);
    expect(comparePositions(projector.checkpoint!, head)).toBeLessThan(0);

    await projector.stop();
    expect(projector.checkpoint).toEqual(head);
  }, 30_000);
});
