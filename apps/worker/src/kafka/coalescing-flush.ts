export interface CoalescingFlushOptions<T> {
  /** Sends one group of items in one round trip; a rejection fails every caller of that group. */
  readonly flush: (items: readonly T[]) => Promise<void>;
  /** Upper bound of a group's total weight; a group always takes at least one item. */
  readonly maxWeight?: number;
  readonly weigh?: (item: T) => number;
}

interface Queued<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Items submitted while a flush is in flight wait and go together in the next one: under load many
 * callers share a broker round trip, and an idle caller is flushed at once (no linger timer, which
 * kafkajs does not have either). One flush at a time, groups in submission order, so a later item
 * is never acknowledged before an earlier one was sent.
 */
export class CoalescingFlush<T> {
  private queue: Queued<T>[] = [];
  private flushing = false;

  constructor(private readonly options: CoalescingFlushOptions<T>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    // Submissions of the same event-loop turn (several partitions finishing together) share the first flush.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const group = this.takeGroup();
      try {
        await this.options.flush(group.map((queued) => queued.item));
        group.forEach((queued) => queued.resolve());
      } catch (error) {
        group.forEach((queued) => queued.reject(error));
      }
    }
    this.flushing = false;
  }

  private takeGroup(): Queued<T>[] {
    const { maxWeight = Infinity, weigh = () => 1 } = this.options;
    let weight = 0;
    let size = 0;
    while (size < this.queue.length && (size === 0 || weight + weigh(this.queue[size].item) <= maxWeight)) {
      weight += weigh(this.queue[size].item);
      size += 1;
    }
    return this.queue.splice(0, size);
  }
}
