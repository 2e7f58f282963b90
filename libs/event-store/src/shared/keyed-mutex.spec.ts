import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex', () => {
  it('runs the works of one key one after another, in call order, whether they succeed or fail', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = mutex.run('k', () => new Promise<void>((resolve) => (finishFirst = () => (order.push('first done'), resolve()))));
    const second = mutex.run('k', async () => {
      order.push('second');
      throw new Error('second failed');
    });
    const third = mutex.run('k', async () => void order.push('third'));
    await Promise.resolve();
    expect(order).toEqual([]);
    finishFirst();
    await first;
    await expect(second).rejects.toThrow('second failed');
    await third;
    expect(order).toEqual(['first done', 'second', 'third']);
  });

  it('runs different keys independently, and forgets a key once its works settled', async () => {
    const mutex = new KeyedMutex();
    let release!: () => void;
    const held = mutex.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(mutex.run('b', async () => 'b ran')).resolves.toBe('b ran');
    expect(mutex.pendingKeys).toBe(1);
    release();
    await held;
    await new Promise((resolve) => setImmediate(resolve));
    expect(mutex.pendingKeys).toBe(0);
  });

  it('turns a work that throws synchronously into a rejection, and the key stays usable', async () => {
    const mutex = new KeyedMutex();
    const throwing = (): Promise<string> => {
      throw new Error('sync failure');
    };
    await expect(mutex.run('k', throwing)).rejects.toThrow('sync failure');
    await expect(mutex.run('k', async () => 'next')).resolves.toBe('next');
  });
});
