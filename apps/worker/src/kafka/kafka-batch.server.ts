import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { isObservable, lastValueFrom, defaultIfEmpty } from 'rxjs';
import { CoalescingFlush } from './coalescing-flush';
import type { InboundBatch, InboundMessage } from './inbound-batch';
import { PartitionLane } from './partition-lane';

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
  /** Batches of one partition handled but not yet finished before the next one is taken (≥ 1). */
  readonly pipelineDepth: number;
}

interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * A Nest transport around kafkajs `eachBatch`. Nest's own Kafka transport commits per message and
 * cannot hand a handler a whole batch; the ledger needs batches (accounts in parallel) and commits
 * that follow durable outcomes. A handler (`@EventPattern(pattern)`) receives an InboundBatch. Its
 * broker round trips are pipelined per partition (PartitionLane): once the handler resolved, the
 * next batch is fetched and handled while this one's outcomes are published (`finishLater`); its
 * offsets are committed after that, in order, commits of all partitions sharing one request. When
 * the handler rejects, nothing is committed and kafkajs fetches the batch again.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchServer.name);
  private readonly lanes = new Map<string, PartitionLane>();
  private readonly dispatching = new Set<Promise<void>>();
  private consumer?: Consumer;
  private topics: string[] = [];
  private closing = false;
  /** Bumped at every group join: a commit prepared in an earlier generation is not sent. */
  private generation = 0;

  constructor(private readonly options: KafkaBatchServerOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  /** Stops taking batches, lets the handled ones publish and commit, then leaves the group. */
  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (!consumer) return;
    this.closing = true;
    consumer.pause(this.topics.map((topic) => ({ topic })));
    while (this.dispatching.size > 0) await Promise.allSettled([...this.dispatching]);
    await Promise.all([...this.lanes.values()].map((lane) => lane.drain()));
    await consumer.disconnect();
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
    this.topics = [...patternByTopic.keys()];
    const commits = new CoalescingFlush<PartitionOffset>({ flush: (offsets) => consumer.commitOffsets(latestPerPartition(offsets)) });
    consumer.on(consumer.events.GROUP_JOIN, () => void (this.generation += 1));
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently,
      eachBatch: (payload) => this.track(this.dispatch(patternByTopic.get(payload.batch.topic)!, payload, consumer, commits)),
    });
  }

  private track(dispatch: Promise<void>): Promise<void> {
    this.dispatching.add(dispatch);
    return dispatch.finally(() => this.dispatching.delete(dispatch));
  }

  private async dispatch(pattern: string, payload: EachBatchPayload, consumer: Consumer, commits: CoalescingFlush<PartitionOffset>): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    if (this.closing) return void payload.pause(); // not resolved: fetched again by the partition's next owner
    let finish: (() => Promise<void>) | undefined;
    const inbound = toInboundBatch(payload, () => !this.closing, (work) => (finish = work));
    const handler = this.getHandlerByPattern(pattern)!;
    try {
      const result = await handler(inbound);
      if (isObservable(result)) await lastValueFrom(result.pipe(defaultIfEmpty(undefined)));
    } catch (error) {
      if (this.closing) return;
      // Nest's RPC exception filter rejects with a plain object; kafkajs expects an Error.
      throw error instanceof Error ? error : new Error(`${pattern} handler failed: ${JSON.stringify(error)}`);
    }
    const { topic, partition } = batch;
    const last = batch.messages[batch.messages.length - 1].offset;
    payload.resolveOffset(last); // the fetch position only; nothing is committed before the lane says so
    const next = { topic, partition, offset: (BigInt(last) + 1n).toString() };
    const generation = this.generation;
    const lane = this.laneOf(topic, partition, consumer);
    lane.push({
      firstOffset: BigInt(batch.messages[0].offset),
      finish: finish ?? (() => Promise.resolve()),
      commit: () => (generation === this.generation ? commits.submit(next) : Promise.resolve()),
    });
    await lane.below(this.options.pipelineDepth);
  }

  private laneOf(topic: string, partition: number, consumer: Consumer): PartitionLane {
    const key = `${topic}[${partition}]`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new PartitionLane({
        rewind: (offset) => {
          if (this.closing) return; // nothing more is committed; the next owner starts from the last commit
          try {
            consumer.seek({ topic, partition, offset: offset.toString() });
          } catch (error) {
            this.log.warn(`${key}: seek to ${offset} failed (${(error as Error).message})`);
          }
        },
        onFinishFailed: (error, offset) => this.log.warn(`${key}: publishing from offset ${offset} failed (${(error as Error).message}); fetching again from there`),
        onCommitFailed: (error) => this.log.warn(`${key}: offset commit failed (${(error as Error).message}); the next commit covers it`),
      });
      this.lanes.set(key, lane);
    }
    return lane;
  }
}

/** Commits queued together: a later offset of a partition supersedes an earlier one. */
function latestPerPartition(offsets: readonly PartitionOffset[]): PartitionOffset[] {
  return [...new Map(offsets.map((offset) => [`${offset.topic}[${offset.partition}]`, offset])).values()];
}

function toInboundBatch(payload: EachBatchPayload, accepting: () => boolean, finishLater: (finish: () => Promise<void>) => void): InboundBatch {
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
    isRunning: () => accepting() && payload.isRunning() && !payload.isStale(),
    finishLater,
  };
}
