import { describe, expect, it } from '@jest/globals';
import type { AllSubscription, RecordedEvent } from '../event-store.port';
import { eventually, ids, inStreams, newEvent, newEvents, type ContractContext } from './contract-context';

const TIMEOUT_MS = 20_000;

/** Records what a subscription delivers from the given streams. */
function collector(...streams: string[]) {
  const received: RecordedEvent[] = [];
  const ours = inStreams(...streams);
  return { received, onEvent: (event: RecordedEvent) => void (ours(event) && received.push(event)) };
}

export function describeSubscriptionContract(context: ContractContext): void {
  describe('subscribeToAll', () => {
    let subscriptions: AllSubscription[] = [];
    const track = (subscription: AllSubscription) => {
      subscriptions.push(subscription);
      return subscription;
    };
    const stopAll = async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      subscriptions = [];
    };

    it('catches up, then delivers live appends in order, exactly once', async () => {
      const [stream, marker] = [context.newStream('sub'), context.newStream('marker')];
      const before = await context.store().headPosition();
      const history = newEvents(3);
      await context.store().append(stream, history, 'no_stream');
      const { received, onEvent } = collector(stream, marker);
      track(context.store().subscribeToAll({ after: before }, onEvent));
      try {
        await eventually(() => expect(ids(received)).toEqual(ids(history)));

        const live = newEvents(2);
        await context.store().append(stream, live.slice(0, 1), 2n);
        await context.store().append(stream, live.slice(1), 3n);
        // Once a later marker has arrived, nothing of `stream` can still be on its way.
        const last = newEvent();
        await context.store().append(marker, [last], 'no_stream');
        await eventually(() => expect(ids(received)).toEqual(ids([...history, ...live, last])));
        expect(received.filter(inStreams(stream)).map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      } finally {
        await stopAll();
      }
    }, TIMEOUT_MS);

    it('delivers the next event only after onEvent has resolved', async () => {
      const stream = context.newStream();
      const before = await context.store().headPosition();
      let inFlight = 0;
      let mostInFlight = 0;
      const delivered: bigint[] = [];
      track(
        context.store().subscribeToAll({ after: before }, async (event) => {
          if (event.streamId !== stream) return;
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          for (let tick = 0; tick < 5; tick += 1) await new Promise((resolve) => setImmediate(resolve));
          delivered.push(event.revision);
          inFlight -= 1;
        }),
      );
      try {
        await context.store().append(stream, newEvents(4), 'no_stream');
        await eventually(() => expect(delivered).toEqual([0n, 1n, 2n, 3n]));
        expect(mostInFlight).toBe(1);
      } finally {
        await stopAll();
      }
    }, TIMEOUT_MS);

    it('starts strictly after the given position', async () => {
      const stream = context.newStream();
      await context.store().append(stream, newEvents(3), 'no_stream');
      const [first] = await context.store().readStream(stream, { maxCount: 1 });
      const { received, onEvent } = collector(stream);
      track(context.store().subscribeToAll({ after: first.position }, onEvent));
      try {
        await eventually(() => expect(received.map((event) => event.revision)).toEqual([1n, 2n]));
      } finally {
        await stopAll();
      }
    }, TIMEOUT_MS);

    it('delivers nothing once stop() has resolved', async () => {
      const stream = context.newStream();
      const before = await context.store().headPosition();
      const stopped = collector(stream);
      const subscription = context.store().subscribeToAll({ after: before }, stopped.onEvent);
      await context.store().append(stream, [newEvent()], 'no_stream');
      await eventually(() => expect(stopped.received).toHaveLength(1));
      await subscription.stop();

      await context.store().append(stream, [newEvent()], 0n);
      const observer = collector(stream);
      track(context.store().subscribeToAll({ after: before }, observer.onEvent));
      try {
        await eventually(() => expect(observer.received).toHaveLength(2));
        expect(stopped.received).toHaveLength(1);
      } finally {
        await stopAll();
      }
    }, TIMEOUT_MS);

    it('stops and reports to onError when onEvent throws', async () => {
      const stream = context.newStream();
      const before = await context.store().headPosition();
      const failure = new Error('projection failed');
      const errors: Error[] = [];
      const attempts: bigint[] = [];
      track(
        context.store().subscribeToAll(
          { after: before },
          (event) => {
            if (event.streamId !== stream) return;
            attempts.push(event.revision);
            throw failure;
          },
          (error) => errors.push(error),
        ),
      );
      try {
        await context.store().append(stream, newEvents(3), 'no_stream');
        await eventually(() => expect(errors).toEqual([failure]));
        expect(attempts).toEqual([0n]);
      } finally {
        await stopAll();
      }
    }, TIMEOUT_MS);
  });
}
