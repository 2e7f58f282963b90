import { afterEach, beforeEach, describe } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { describeAppendContract } from './append.contract';
import type { ContractContext } from './contract-context';
import { describeJsonContract } from './json.contract';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';

/**
 * The one behavioural contract of the EventStore port. Every adapter runs it; a test that passes
 * for one adapter and fails for another is a bug in the latter (or in the port's documentation).
 * `createStore` runs before each test, `dispose` (default: close) after it.
 */
export function describeEventStoreContract(
  name: string,
  createStore: () => Promise<EventStore>,
  dispose: (store: EventStore) => Promise<void> = (store) => store.close(),
): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStore | undefined;
    const run = randomUUID().slice(0, 8);
    let streamCount = 0;

    beforeEach(async () => {
      current = await createStore();
    });
    afterEach(async () => {
      const store = current;
      current = undefined;
      if (store) await dispose(store);
    });

    const context: ContractContext = {
      store: () => {
        if (!current) throw new Error('The contract store is only available inside a test');
        return current;
      },
      newStream: (label = 'stream') => `contract-${label}-${run}-${(streamCount += 1)}`,
    };

    describeAppendContract(context);
    describeReadContract(context);
    describeJsonContract(context);
    describeSubscriptionContract(context);
  });
}
