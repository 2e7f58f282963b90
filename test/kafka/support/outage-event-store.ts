import {
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  EventStoreUnavailableError,
  type GlobalPosition,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '@ledger/event-store';

/** The real store behind a switch: while `down`, every call fails as an unreachable store would. */
export class OutageEventStore implements EventStore {
  down = false;
  refusedCalls = 0;

  constructor(private readonly inner: EventStore) {}

  append(streamId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.guard(() => this.inner.append(streamId, events, expectedRevision));
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.guard(() => this.inner.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.guard(() => this.inner.readAll(options));
  }

  subscribeToAll(options: SubscribeToAllOptions, onEvent: (event: RecordedEvent) => Promise<void> | void, onError?: (error: Error) => void): AllSubscription {
    return this.inner.subscribeToAll(options, onEvent, onError);
  }

  headPosition(): Promise<GlobalPosition | undefined> {
    return this.guard(() => this.inner.headPosition());
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    if (this.down) {
      this.refusedCalls += 1;
      throw new EventStoreUnavailableError('injected outage: the event store does not answer');
    }
    return call();
  }
}
