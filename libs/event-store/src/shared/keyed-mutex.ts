/**
 * Serialises work per key (an account, a stream) inside one process: the command handler's per-account
 * order, and the SQLite stream locks' queue of same-process holders. Across processes it is the event
 * store's expected-revision check and stream locks that count.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier work of `key` settled; at once (synchronously) when there is none. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous === undefined ? start(work) : previous.then(work, work);
    const release = (): void => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail = result.then(release, release);
    this.tails.set(key, tail);
    return result;
  }

  get pendingKeys(): number {
    return this.tails.size;
  }
}

function start<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}
