/** The rest of one handled batch's work, as the transport queues it on its partition's lane. */
export interface LaneWork {
  readonly firstOffset: bigint;
  /** Makes the batch's outcomes durable (publishes them); a rejection means they may not be. */
  finish(): Promise<void>;
  /** Commits the batch's offsets; called only after `finish` resolved, in batch order. */
  commit(): Promise<void>;
}

export interface PartitionLaneHooks {
  /** Fetch the partition again from this offset: a batch from there on has no durable outcomes. */
  rewind(offset: bigint): void;
  onFinishFailed(error: unknown, firstOffset: bigint): void;
  onCommitFailed(error: unknown): void;
}

/**
 * One partition's handled batches, in fetch order: a batch is finished only after the previous one
 * was, and its offsets are committed only after it finished, so a committed offset never passes an
 * outcome that is not durable — while the transport already hands the next batch to the handler.
 * When finishing fails, no later batch of the partition is finished or committed until the
 * partition is fetched again from the failed batch (or from before it).
 */
export class PartitionLane {
  private tail: Promise<void> = Promise.resolve();
  private lastCommit: Promise<void> = Promise.resolve();
  private unfinished = 0;
  private epoch = 0;
  private brokenFrom?: bigint;
  private wakeUps: (() => void)[] = [];

  constructor(private readonly hooks: PartitionLaneHooks) {}

  push(work: LaneWork): void {
    const redelivered = this.brokenFrom !== undefined && work.firstOffset <= this.brokenFrom;
    if (redelivered) this.brokenFrom = undefined;
    // Fetched before the rewind took effect: it comes again after the failed batch.
    const skip = this.brokenFrom !== undefined;
    const epoch = this.epoch;
    this.unfinished += 1;
    this.tail = this.tail.then(async () => {
      try {
        if (!skip && epoch === this.epoch) await this.finishThenCommit(work);
      } finally {
        this.unfinished -= 1;
        this.wakeUps.splice(0).forEach((wake) => wake());
      }
    });
  }

  /** Resolves once fewer than `limit` batches of this lane are waiting to finish. */
  async below(limit: number): Promise<void> {
    while (this.unfinished >= limit) await new Promise<void>((resolve) => this.wakeUps.push(resolve));
  }

  /** Resolves once every queued batch is finished (or skipped) and its commit answered. */
  async drain(): Promise<void> {
    await this.tail;
    await this.lastCommit;
  }

  private async finishThenCommit(work: LaneWork): Promise<void> {
    try {
      await work.finish();
    } catch (error) {
      this.epoch += 1;
      this.brokenFrom = work.firstOffset;
      this.hooks.onFinishFailed(error, work.firstOffset);
      this.hooks.rewind(work.firstOffset);
      return;
    }
    // Not awaited: the next batch publishes during this commit; commits stay in order (one coalescing queue).
    this.lastCommit = work.commit().catch((error: unknown) => this.hooks.onCommitFailed(error));
  }
}
