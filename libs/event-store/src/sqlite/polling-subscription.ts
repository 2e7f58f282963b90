import type { AllSubscription, RecordedEvent } from '../event-store.port';
import { reportSubscriptionFailure } from '../shared/subscription-failure';

export interface PollingSubscriptionOptions {
  /** Events strictly after this position, oldest first, at most `maxCount`. */
  readonly readAfter: (position: bigint, maxCount: number) => RecordedEvent[];
  readonly after: bigint;
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  readonly onError: ((error: Error) => void) | undefined;
  /** Catches appends made by other processes on the same file; in-process appends call wake(). */
  readonly pollIntervalMs: number;
  readonly onEnded: (subscription: PollingSubscription) => void;
}

const BATCH_SIZE = 256;

/**
 * Catch-up then live over a table read in position order. One loop per subscription:
 * read a batch, deliver it one event at a time (awaiting each handler), and when nothing is
 * left, wait for a wake-up from an in-process append or from the poll timer.
 */
export class PollingSubscription implements AllSubscription {
  private lastPosition: bigint;
  private stopped = false;
  private wakeRequested = false;
  private resumeLoop: (() => void) | undefined;
  private readonly pollTimer: NodeJS.Timeout;
  private readonly ended: Promise<void>;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.lastPosition = options.after;
    this.pollTimer = setInterval(() => this.wake(), options.pollIntervalMs);
    this.pollTimer.unref();
    this.ended = this.run();
  }

  /** New events may exist; cheap to call often. */
  wake(): void {
    this.wakeRequested = true;
    this.resumeLoop?.();
  }

  /** Do not await this from inside onEvent: it waits for the handler in flight to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.ended;
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped) {
        const batch = this.options.readAfter(this.lastPosition, BATCH_SIZE);
        if (batch.length === 0) {
          await this.nextWake();
          continue;
        }
        for (const event of batch) {
          if (this.stopped) {
            break;
          }
          await this.options.onEvent(event);
          this.lastPosition = event.position.commit;
        }
        // Synchronous handlers would otherwise keep a long catch-up on the microtask queue
        // and starve timers and I/O (HTTP requests, the poll itself) until it ends.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.stopped = true;
      reportSubscriptionFailure(error, this.options.onError);
    } finally {
      clearInterval(this.pollTimer);
      this.options.onEnded(this);
    }
  }

  private nextWake(): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resumeLoop = () => {
        this.resumeLoop = undefined;
        this.wakeRequested = false;
        resolve();
      };
    });
  }
}
