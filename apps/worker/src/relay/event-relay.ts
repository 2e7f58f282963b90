import { Logger } from '@nestjs/common';
import type { Message } from 'kafkajs';
import type { AllSubscription, EventStore, GlobalPosition, RecordedEvent } from '@ledger/event-store';
import type { ReadStore } from '@ledger/read-store';
import type { ResultSink } from '../ingest/command-batch-ingestor';
import { backoffDelay, retryWithBackoff } from '../resilience/retry-with-backoff';
import { toLedgerEventMessage } from './ledger-event-message';

export interface EventRelayOptions {
  readonly topic: string;
  readonly maxBatch: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  readonly checkpointName?: string;
}

export const RELAY_CHECKPOINT = 'relay';

/**
 * Publishes every account event of $all to the events topic, keyed by accountId (so one account's
 * events keep their order on one partition). Events are buffered and sent in batches; the checkpoint
 * moves only after the broker acknowledged a batch, so a crash republishes (at-least-once, identical
 * messages; consumers dedupe by eventId) and never loses an event.
 */
export class EventRelay {
  private readonly logger = new Logger(EventRelay.name);
  private readonly checkpointName: string;
  private messages: Message[] = [];
  private bufferedUpTo?: GlobalPosition;
  private checkpointed?: GlobalPosition;
  private subscription?: AllSubscription;
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private stopped = false;
  private resubscribeAttempts = 0;
  private resubscribeTimer?: NodeJS.Timeout;

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly sink: ResultSink,
    private readonly options: EventRelayOptions,
  ) {
    this.checkpointName = options.checkpointName ?? RELAY_CHECKPOINT;
  }

  async start(): Promise<void> {
    this.bufferedUpTo = await this.readStore.checkpoints.get(this.checkpointName);
    this.checkpointed = this.bufferedUpTo;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.resubscribeTimer);
    await this.subscription?.stop();
    await this.flush();
  }

  /** Serialised: one send at a time, each taking what was buffered when it began. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.sendBuffered()).catch((error: Error) => this.logger.error(`relay flush: ${error.message}`));
    return this.flushing;
  }

  /** After a store failure the subscription resumes after the last buffered event. */
  private subscribe(): void {
    this.subscription = this.store.subscribeToAll({ after: this.bufferedUpTo }, (event) => this.onEvent(event), (error) => this.onSubscriptionError(error));
  }

  private onSubscriptionError(error: Error): void {
    if (this.stopped) return;
    this.resubscribeAttempts += 1;
    const wait = backoffDelay(this.resubscribeAttempts, this.options.retryInitialMs, this.options.retryMaxMs);
    this.logger.warn(`event store subscription failed (${error.message}); resubscribing in ${wait} ms`);
    this.resubscribeTimer = setTimeout(() => this.subscribe(), wait);
  }

  private async onEvent(recorded: RecordedEvent): Promise<void> {
    this.resubscribeAttempts = 0;
    const message = toLedgerEventMessage(recorded);
    if (message) this.messages.push({ key: message.accountId, value: JSON.stringify(message) });
    this.bufferedUpTo = recorded.position;
    if (this.messages.length >= this.options.maxBatch) await this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async sendBuffered(): Promise<void> {
    const messages = this.messages;
    const position = this.bufferedUpTo;
    this.messages = [];
    if (!position || position === this.checkpointed) return;
    const retry = {
      initialMs: this.options.retryInitialMs,
      maxMs: this.options.retryMaxMs,
      isRetryable: () => true,
      shouldContinue: () => !this.stopped,
      onRetry: (error: unknown, attempt: number) => this.logger.warn(`relay attempt ${attempt} failed: ${(error as Error).message}`),
    };
    await retryWithBackoff(() => this.sink.send([{ topic: this.options.topic, messages }]), retry);
    await retryWithBackoff(() => this.readStore.checkpoints.set(this.checkpointName, position), retry);
    this.checkpointed = position;
  }
}
