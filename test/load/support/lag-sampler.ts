import type { EventStore } from '@ledger/event-store';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import type { MongoReadStore } from '@ledger/read-store';

/** Events (commit positions) the worker's projector is behind the store's head. */
export async function projectionLag(store: EventStore, readStore: MongoReadStore): Promise<number> {
  const head = await store.headPosition();
  const checkpoint = await readStore.checkpoints.get(PROJECTOR_CHECKPOINT);
  return Number((head?.commit ?? 0n) - (checkpoint?.commit ?? 0n));
}

/** Every 10 s: events the worker's projector is behind the store's head, and commands not yet answered. */
export class LagSampler {
  readonly projectionLags: number[] = [];
  maxProjectionLag = 0;
  maxUnanswered = 0;
  /** Samples the read store did not answer (the MongoDB-wire server times out when saturated). */
  failedSamples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly store: EventStore,
    private readonly readStore: MongoReadStore,
    private readonly unanswered: () => number,
  ) {
    this.timer = setInterval(() => void this.sample().catch(() => (this.failedSamples += 1)), 10_000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    const behind = await projectionLag(this.store, this.readStore);
    this.projectionLags.push(behind);
    this.maxProjectionLag = Math.max(this.maxProjectionLag, behind);
    this.maxUnanswered = Math.max(this.maxUnanswered, this.unanswered());
  }
}
