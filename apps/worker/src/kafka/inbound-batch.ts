/** One message of a batch, as the transport hands it to a handler (bytes untouched). */
export interface InboundMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

/**
 * The messages of one topic-partition fetched together. The handler resolves once the batch's
 * effects are ordered (the next batch of the partition may start); the transport commits the
 * batch's offsets once its outcomes are durable: when the handler resolves, or when the work handed
 * to `finishLater` resolves.
 */
export interface InboundBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly InboundMessage[];
  /** Keeps the group membership alive during long work; throttled by kafkajs. */
  heartbeat(): Promise<void>;
  /** Stops fetching this partition until the returned resume function is called. */
  pause(): () => void;
  /** False once the consumer is stopping: retry loops give up and nothing is committed. */
  isRunning(): boolean;
  /**
   * Hands over what remains to make the outcomes durable (publishing them). The transport runs it
   * after the previous batch of the partition finished its own, while the next batch is handled,
   * and commits this batch's offsets only once it resolved. Call at most once, before resolving.
   */
  finishLater(finish: () => Promise<void>): void;
}
