import { runInKeyOrder } from './run-in-key-order';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runInKeyOrder', () => {
  it('keeps the order within a key, interleaves keys, and returns results in input order', async () => {
    const started: string[] = [];
    const items = ['a1', 'b1', 'a2', 'b2', 'a3'].map((name) => ({
      key: name[0],
      run: async () => {
        started.push(name);
        await tick();
        return name.toUpperCase();
      },
    }));
    const results = await runInKeyOrder(items, (run) => run());
    expect(results).toEqual(['A1', 'B1', 'A2', 'B2', 'A3']);
    expect(started.filter((name) => name.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(started.slice(0, 2)).toEqual(['a1', 'b1']); // b1 did not wait for a1
  });

  it('does not start the next item of a key before the previous one succeeded', async () => {
    const log: string[] = [];
    let failuresLeft = 2;
    const items = [
      { key: 'a', run: async () => { log.push('a1'); if (failuresLeft-- > 0) throw new Error('outage'); return 1; } },
      { key: 'a', run: async () => { log.push('a2'); return 2; } },
    ];
    const retrying = async (run: () => Promise<number>): Promise<number> => {
      for (;;) {
        try {
          return await run();
        } catch {
          log.push('retry');
        }
      }
    };
    expect(await runInKeyOrder(items, retrying)).toEqual([1, 2]);
    expect(log).toEqual(['a1', 'retry', 'a1', 'retry', 'a1', 'a2']);
  });
});
