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
 * The messages of one topic-partition fetched together. The handler resolves when every message's
 * outcome is durable; only then does the transport commit the batch's offsets.
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
}
