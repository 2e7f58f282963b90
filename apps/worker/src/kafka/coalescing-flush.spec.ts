import { pollUntil } from '../../../../test/infra/poll';
import { CoalescingFlush } from './coalescing-flush';

/** A flush whose round trips the test completes one at a time. */
function manualFlush() {
  const groups: number[][] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const flush = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      groups.push([...items]);
      pending.push({ resolve, reject });
    });
  const waitForGroups = (count: number) =>
    pollUntil(async () => (groups.length >= count ? undefined : Promise.reject(new Error(`${groups.length} groups`))), { what: `${count} flushes`, timeoutMs: 2_000, intervalMs: 1 });
  return { groups, flush, waitForGroups, answer: (index: number, error?: Error) => (error ? pending[index].reject(error) : pending[index].resolve()) };
}

describe('CoalescingFlush', () => {
  it('flushes an idle submission alone, then everything submitted meanwhile as one group, in order', async () => {
    const round = manualFlush();
    const queue = new CoalescingFlush<number>({ flush: round.flush });
    const first = queue.submit(1);
    await round.waitForGroups(1);
    const later = [queue.submit(2), queue.submit(3), queue.submit(4)];

    round.answer(0);
    await first;
    await round.waitForGroups(2);
    round.answer(1);
    await Promise.all(later);

    expect(round.groups).toEqual([[1], [2, 3, 4]]);
  });

  it('shares the first round trip among submissions of the same event-loop turn', async () => {
    const round = manualFlush();
    const queue = new CoalescingFlush<number>({ flush: round.flush });
    const all = Promise.all([queue.submit(1), queue.submit(2)]);
    await round.waitForGroups(1);
    round.answer(0);
    await all;
    expect(round.groups).toEqual([[1, 2]]);
  });

  it('rejects only the callers of the failed group, and keeps flushing', async () => {
    const round = manualFlush();
    const queue = new CoalescingFlush<number>({ flush: round.flush });
    const first = queue.submit(1);
    await round.waitForGroups(1);
    const second = queue.submit(2);

    round.answer(0, new Error('broker down'));
    await expect(first).rejects.toThrow('broker down');
    await round.waitForGroups(2);
    round.answer(1);
    await expect(second).resolves.toBeUndefined();
  });

  it('bounds a group by weight, but always takes one item', async () => {
    const round = manualFlush();
    const queue = new CoalescingFlush<number>({ flush: round.flush, maxWeight: 10, weigh: (item) => item });
    const all = Promise.all([queue.submit(12), queue.submit(4), queue.submit(5), queue.submit(3)]);
    for (let index = 0; index < 3; index++) {
      await round.waitForGroups(index + 1);
      round.answer(index);
    }
    await all;
    expect(round.groups).toEqual([[12], [4, 5], [3]]);
  });
});
