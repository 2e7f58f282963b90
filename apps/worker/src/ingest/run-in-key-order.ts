export interface KeyedWork<T> {
  readonly key: string;
  run(): Promise<T>;
}

/**
 * Runs the items of one key one after another in the given order, and different keys concurrently;
 * results come back in the input order. `attempt` wraps each run (retries): an item starts only after
 * the previous item of its key has succeeded, so a failure never lets a later command of the same
 * account overtake it.
 */
export async function runInKeyOrder<T>(items: readonly KeyedWork<T>[], attempt: (run: () => Promise<T>) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(items.length);
  const indexesByKey = new Map<string, number[]>();
  items.forEach((item, index) => {
    const indexes = indexesByKey.get(item.key);
    if (indexes) indexes.push(index);
    else indexesByKey.set(item.key, [index]);
  });
  await Promise.all(
    [...indexesByKey.values()].map(async (indexes) => {
      for (const index of indexes) results[index] = await attempt(() => items[index].run());
    }),
  );
  return results;
}
