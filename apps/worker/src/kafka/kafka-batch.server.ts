import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { isObservable, lastValueFrom, defaultIfEmpty } from 'rxjs';
import type { InboundBatch, InboundMessage } from './inbound-batch';

/** Which handler pattern receives the batches of which topics. */
export interface BatchSubscription {
  readonly pattern: string;
  readonly topics: readonly string[];
}

export interface KafkaBatchServerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly subscriptions: readonly BatchSubscription[];
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly partitionsConsumedConcurrently: number;
  readonly maxBytesPerPartition: number;
}

/**
 * A Nest transport around kafkajs `eachBatch`. Nest's own Kafka transport commits per message and
 * cannot hand a handler a whole batch; the ledger needs batches (accounts in parallel) and commits
 * that follow durable outcomes. A handler (`@EventPattern(pattern)`) receives an InboundBatch; when
 * it resolves, the batch's last offset is resolved and committed. When it rejects, nothing is
 * committed and kafkajs restarts the consumer, which fetches the batch again.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;

  constructor(private readonly options: KafkaBatchServerOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  on(): never {
    throw new Error('KafkaBatchServer does not expose transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Subscribes only to topics whose pattern has a handler: without the ingest role, no consumer. */
  private async start(): Promise<void> {
    const patternByTopic = new Map<string, string>();
    for (const { pattern, topics } of this.options.subscriptions) {
      if (this.getHandlerByPattern(pattern)) topics.forEach((topic) => patternByTopic.set(topic, pattern));
    }
    if (patternByTopic.size === 0) return;
    const { kafka, groupId, sessionTimeoutMs, heartbeatIntervalMs, partitionsConsumedConcurrently, maxBytesPerPartition } = this.options;
    const consumer = kafka.consumer({ groupId, sessionTimeout: sessionTimeoutMs, heartbeatInterval: heartbeatIntervalMs, maxBytesPerPartition });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...patternByTopic.keys()], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently,
      eachBatch: (payload) => this.dispatch(patternByTopic.get(payload.batch.topic)!, payload),
    });
  }

  private async dispatch(pattern: string, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const inbound = toInboundBatch(payload);
    const handler = this.getHandlerByPattern(pattern)!;
    try {
      const result = await handler(inbound);
      if (isObservable(result)) await lastValueFrom(result.pipe(defaultIfEmpty(undefined)));
    } catch (error) {
      // Nest's RPC exception filter rejects with a plain object; kafkajs expects an Error.
      throw error instanceof Error ? error : new Error(`${pattern} handler failed: ${JSON.stringify(error)}`);
    }
    const last = batch.messages[batch.messages.length - 1].offset;
    payload.resolveOffset(last);
    const next = (BigInt(last) + 1n).toString();
    await payload.commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] });
  }
}

function toInboundBatch(payload: EachBatchPayload): InboundBatch {
  const { topic, partition } = payload.batch;
  const messages: InboundMessage[] = payload.batch.messages.map((message) => ({
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
  }));
  return {
    topic,
    partition,
    messages,
    heartbeat: () => payload.heartbeat(),
    pause: () => payload.pause(),
    isRunning: () => payload.isRunning() && !payload.isStale(),
  };
}
