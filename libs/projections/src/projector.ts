import { AllSubscription, EventStore, GlobalPosition, RecordedEvent, comparePositions, toDomainEvent } from '@ledger/event-store';
import type { ReadStore } from '@ledger/read-store';
import { ProjectedAccountStates } from './account-states';
import { ProjectionBatch } from './projection-batch';
import { projectEvent } from './project-event';
import { PROJECTOR_CHECKPOINT } from './read-models';

export interface ProjectorOptions {
  /**
   * Events buffered before a flush is forced (backpressure on the subscription). While a flush is in
   * flight the next batch fills up to this, and a batch keeps one plan document per account however
   * many of its events it holds, so a larger batch means fewer plan writes when the projector is behind.
   */
  readonly maxBatch?: number;
  /**
   * While events keep coming, a flush starts at least this long after the previous one started, so
   * one plan document per account absorbs more events (0: every event-loop turn). An idle projector
   * still flushes at once (the wait only applies within this interval of the previous flush), and so
   * does one that someone waits on (`whenVisible`: read-your-writes stays prompt).
   */
  readonly minFlushIntervalMs?: number;
  readonly checkpointName?: string;
  readonly onError?: (error: Error) => void;
  readonly accountIdOf?: (streamId: string) => string | undefined;
}

/** Measured with bench/scenarios/b3-mongo-projection.ts (bench/README.md, B3 MongoDB-wire). */
const DEFAULT_MAX_BATCH = 5000;

const accountIdOfStream = (streamId: string): string | undefined =>
  streamId.startsWith('account-') ? streamId.slice('account-'.length) : undefined;

/**
 * Subscribes to $all from its checkpoint and keeps the read models current. Writes are grouped per
 * collection and flushed in batches (one bulk upsert per collection, then the checkpoint), and every
 * document carries its event's position, so a crash between the two only replays idempotently.
 */
export class Projector {
  private readonly states: ProjectedAccountStates;
  private readonly maxBatch: number;
  private readonly checkpointName: string;
  private batch = new ProjectionBatch();
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private flushTimer?: NodeJS.Timeout;
  private lastFlushStartedAt = Number.NEGATIVE_INFINITY;
  private readonly onBatchTaken: (() => void)[] = [];
  private subscription?: AllSubscription;
  private processed?: GlobalPosition;
  private readonly waiters = new Set<{ position: GlobalPosition; resolve: () => void }>();

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: ProjectorOptions = {},
  ) {
    this.states = new ProjectedAccountStates(store);
    this.maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    this.checkpointName = options.checkpointName ?? PROJECTOR_CHECKPOINT;
  }

  async start(): Promise<void> {
    const after = await this.readStore.checkpoints.get(this.checkpointName);
    this.processed = after;
    this.subscription = this.store.subscribeToAll({ after }, (event) => this.onEvent(event), (error) => this.options.onError?.(error));
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    clearTimeout(this.flushTimer);
    await this.flush();
  }

  /** Position of the last event whose documents are visible in the read store. */
  get checkpoint(): GlobalPosition | undefined {
    return this.processed;
  }

  /** Resolves once every event up to `position` is visible in the read models. */
  whenVisible(position: GlobalPosition): Promise<void> {
    if (this.processed && comparePositions(this.processed, position) >= 0) return Promise.resolve();
    const visible = new Promise<void>((resolve) => this.waiters.add({ position, resolve }));
    if (this.flushTimer) this.flushSoon();
    return visible;
  }

  /** How many positions the read models trail the store's head by (0 when caught up). */
  async lag(): Promise<bigint> {
    const head = await this.store.headPosition();
    if (!head) return 0n;
    return head.commit - (this.processed?.commit ?? 0n);
  }

  private async onEvent(recorded: RecordedEvent): Promise<void> {
    const accountId = (this.options.accountIdOf ?? accountIdOfStream)(recorded.streamId);
    if (accountId !== undefined) {
      const event = toDomainEvent(recorded);
      const stateAfter = await this.states.apply(accountId, recorded, event);
      this.batch.add(recorded.position, projectEvent(recorded, event, stateAfter));
    } else {
      this.batch.skip(recorded.position);
    }
    if (this.batch.size >= this.maxBatch) await this.startFlushAfterPrevious();
    else this.scheduleFlush();
  }

  /**
   * Backpressure without a stall: waits until this batch is handed to a write (after the write in
   * flight), not until it is written, so the next batch is folded meanwhile; at most two are held.
   */
  private async startFlushAfterPrevious(): Promise<void> {
    const taken = new Promise<void>((resolve) => this.onBatchTaken.push(resolve));
    await Promise.race([taken, this.flush()]);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    const wait = this.waiters.size > 0 ? 0 : this.lastFlushStartedAt + (this.options.minFlushIntervalMs ?? 0) - performance.now();
    if (wait <= 0) return this.flushSoon();
    this.flushScheduled = true;
    this.flushTimer = setTimeout(() => this.flushSoon(), wait).unref();
  }

  /** Flushes on the next event-loop turn, replacing a timed flush if one was waiting. */
  private flushSoon(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush().catch((error: Error) => this.options.onError?.(error));
    });
  }

  /** Serialised: one flush at a time, each writing what was buffered when it began. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBatch());
    return this.flushing;
  }

  /** A read store outage pauses projection (writes are idempotent) instead of losing a batch. */
  private async untilWritten(write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        this.options.onError?.(error as Error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 50 * 2 ** attempt)));
      }
    }
  }

  private async writeBatch(): Promise<void> {
    const batch = this.batch;
    if (batch.isEmpty) return;
    this.batch = new ProjectionBatch();
    this.lastFlushStartedAt = performance.now();
    for (const resolve of this.onBatchTaken.splice(0)) resolve();
    await this.untilWritten(async () => {
      await batch.writeTo(this.readStore);
      await this.readStore.checkpoints.set(this.checkpointName, batch.lastPosition!);
    });
    this.processed = batch.lastPosition;
    for (const waiter of this.waiters) {
      if (comparePositions(batch.lastPosition!, waiter.position) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
