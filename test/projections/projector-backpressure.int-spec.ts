// The projector's batches while its read store is slow: the next batch is folded while one is being
// written, no more than two batches are held, and every event ends up visible in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlobalPosition } from '@ledger/event-store';
import { MemoryReadStore, type ReadStore } from '@ledger/read-store';
import { Projector, READ_MODELS } from '@ledger/projections';
import { LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { VISA_OK, envelope } from '../../libs/ledger/src/testing/ledger-fixture';
import { pollUntil } from '../infra/poll';

const MAX_BATCH = 5;
const USAGE_RECORDS = 40;

/** A read store whose checkpoint writes wait until the test releases them, one flush at a time. */
function heldCheckpoints(inner: ReadStore) {
  const held: { position: GlobalPosition; release: () => void }[] = [];
  let completed = 0n;
  const store = Object.create(inner, {
    checkpoints: {
      value: {
        get: (name: string) => inner.checkpoints.get(name),
        set: async (name: string, position: GlobalPosition) => {
          await new Promise<void>((release) => held.push({ position, release }));
          await inner.checkpoints.set(name, position);
          completed = position.commit;
        },
      },
    },
  }) as ReadStore;
  return { store, held, completed: () => completed };
}

const until = (check: () => boolean, what: string) =>
  pollUntil(
    async () => {
      if (!check()) throw new Error('not yet');
    },
    { what, timeoutMs: 10_000, intervalMs: 2 },
  );

describe('Projector backpressure', () => {
  let dir: string;
  let runtime: LedgerRuntime;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-backpressure-'));
    runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: true });
    const clock = runtime.testClock!;
    clock.set('2026-04-01T00:00:00.000Z');
    await runtime.commands.handle(envelope(clock, 'acct-b', 'PAYMENT_METHOD_UPDATE', VISA_OK));
    await runtime.commands.handle(envelope(clock, 'acct-b', 'UPGRADE', { toTier: 'PRO', seatCount: 2 }));
    for (let n = 0; n < USAGE_RECORDS; n++) {
      await runtime.commands.handle(envelope(clock, 'acct-b', 'USAGE_RECORD', { usageId: `u-${n}`, metric: 'messages', quantity: 10 }));
    }
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds the next batch while one is written, holds at most two, and projects every event', async () => {
    const head = (await runtime.eventStore.headPosition())!;
    const target = new MemoryReadStore();
    const { store, held, completed } = heldCheckpoints(target);
    let folded = 0;
    let mostHeld = 0;
    const projector = new Projector(runtime.eventStore, store, {
      maxBatch: MAX_BATCH,
      accountIdOf: (streamId) => {
        folded += 1;
        mostHeld = Math.max(mostHeld, folded - Number(completed()));
        return streamId.slice('account-'.length);
      },
    });
    await projector.start();
    const visible = projector.whenVisible(head);

    const total = Number(head.commit);
    let released = 0;
    while (released === 0 || Number(held[released - 1].position.commit) < total) {
      await until(() => held.length > released, `flush ${released + 1} reaching its checkpoint`);
      const next = Math.min(Number(held[released].position.commit) + MAX_BATCH, total);
      // While this flush is held, the events after its batch keep being folded, up to a full batch.
      await until(() => folded >= next, `events up to ${next} folded while flush ${released + 1} is held`);
      held[released].release();
      released += 1;
    }

    await visible;
    await projector.stop();
    expect(mostHeld).toBeLessThanOrEqual(2 * MAX_BATCH);
    expect(await target.checkpoints.get('ledger-projector')).toEqual(head);
    expect(await target.collection(READ_MODELS.commandOutcomes).count({})).toBe(USAGE_RECORDS + 2);
  }, 30_000);
});
