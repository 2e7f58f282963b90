import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  comparePositions,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type GlobalPosition,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store.port';
import { assertAppendableBatch, assertMaxCount } from '../shared/append-batch';
import { toPortError } from './kurrentdb-errors';
import { fromKurrentPosition, toKurrentPosition, toRecordedEvent } from './kurrentdb-mapping';
import { subscribeToKurrentAll } from './kurrentdb-subscription';

export interface KurrentDBEventStoreOptions {
  /** e.g. `kurrentdb://127.0.0.1:2113?tls=false` */
  readonly connectionString: string;
}

/** Collects port events from one of the client's reads, up to maxCount, translating errors. */
async function collect(
  read: () => AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>,
  maxCount: number | undefined,
  keep: (event: RecordedEvent) => boolean = () => true,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  if (maxCount === 0) {
    return events;
  }
  try {
    for await (const resolved of read()) {
      const event = toRecordedEvent(resolved);
      if (event && keep(event)) {
        events.push(event);
        if (events.length === maxCount) {
          break;
        }
      }
    }
  } catch (error) {
    throw toPortError(error);
  }
  return events;
}

/** The production adapter: a thin translation onto @kurrent/kurrentdb-client. */
export class KurrentDBEventStore implements EventStore {
  private readonly subscriptions = new Set<AllSubscription>();

  constructor(private readonly client: KurrentDBClient) {}

  async append(streamId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    assertAppendableBatch(streamId, events);
    const result = await this.client
      .appendToStream(
        streamId,
        events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata })),
        { streamState: expectedRevision },
      )
      .catch((error: unknown) => {
        throw toPortError(error, { streamId, expected: expectedRevision });
      });
    if (!result.success) {
      // Only with `throwOnAppendFailure=false` in the connection string: same meaning, no throw.
      const actual = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision;
      throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    }
    const position = result.position
      ? fromKurrentPosition(result.position)
      : await this.positionOf(streamId, result.nextExpectedRevision);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  /** The server may answer an idempotent retry without a position; the stored event has it. */
  private async positionOf(streamId: string, revision: bigint): Promise<GlobalPosition> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) {
      throw new Error(`KurrentDB acknowledged an append to ${streamId} at revision ${revision} that cannot be read back`);
    }
    return event.position;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertMaxCount(options.maxCount);
    const backwards = options.direction === 'backwards';
    try {
      return await collect(
        () =>
          this.client.readStream(streamId, {
            direction: backwards ? BACKWARDS : FORWARDS,
            fromRevision: options.fromRevision ?? (backwards ? END : START),
            maxCount: options.maxCount,
          }),
        options.maxCount,
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        return [];
      }
      throw error;
    }
  }

  async readAll({ after, maxCount }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertMaxCount(maxCount);
    // KurrentDB reads $all from a position inclusively; the port's `after` is exclusive,
    // so ask for one more and drop the event at `after` itself.
    const readCount = maxCount === undefined || after === undefined ? maxCount : maxCount + 1;
    return collect(
      () =>
        this.client.readAll({
          direction: FORWARDS,
          fromPosition: after ? toKurrentPosition(after) : START,
          maxCount: readCount,
          filter: excludeSystemEvents(),
        }),
      maxCount,
      (event) => after === undefined || comparePositions(event.position, after) > 0,
    );
  }

  subscribeToAll(
    options: SubscribeToAllOptions,
    onEvent: (event: RecordedEvent) => Promise<void> | void,
    onError?: (error: Error) => void,
  ): AllSubscription {
    const subscription = subscribeToKurrentAll({ client: this.client, after: options.after, onEvent, onError });
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const [last] = await collect(
      () => this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() }),
      1,
    );
    return last?.position;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }
}

export function openKurrentDBEventStore({ connectionString }: KurrentDBEventStoreOptions): KurrentDBEventStore {
  return new KurrentDBEventStore(KurrentDBClient.connectionString(connectionString));
}
