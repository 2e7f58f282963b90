import { excludeSystemEvents, START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { comparePositions, type AllSubscription, type GlobalPosition, type RecordedEvent } from '../event-store.port';
import { reportSubscriptionFailure } from '../shared/subscription-failure';
import { toPortError } from './kurrentdb-errors';
import { toKurrentPosition, toRecordedEvent } from './kurrentdb-mapping';

export interface KurrentSubscriptionOptions {
  readonly client: KurrentDBClient;
  readonly after: GlobalPosition | undefined;
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  readonly onError: ((error: Error) => void) | undefined;
}

/**
 * The server does catch-up and live for us; iterating the subscription (rather than listening
 * to 'data') gives backpressure, so the next event is read only after onEvent resolves.
 */
export function subscribeToKurrentAll({ client, after, onEvent, onError }: KurrentSubscriptionOptions): AllSubscription {
  const subscription = client.subscribeToAll({
    fromPosition: after ? toKurrentPosition(after) : START,
    filter: excludeSystemEvents(),
  });
  let stopped = false;

  const ended = (async () => {
    try {
      for await (const resolved of subscription) {
        if (stopped) {
          break;
        }
        const event = toRecordedEvent(resolved);
        // The server starts after fromPosition already; the check guards the port's exclusivity.
        if (event && !(after && comparePositions(event.position, after) <= 0)) {
          await onEvent(event);
        }
      }
    } catch (error) {
      if (!stopped) {
        stopped = true;
        reportSubscriptionFailure(toPortError(error), onError);
      }
    } finally {
      subscription.destroy();
    }
  })();

  return {
    async stop() {
      if (!stopped) {
        stopped = true;
        await subscription.unsubscribe();
        // unsubscribe cancels the call; destroying the stream also ends a pending iteration.
        subscription.destroy();
      }
      await ended;
    },
  };
}
