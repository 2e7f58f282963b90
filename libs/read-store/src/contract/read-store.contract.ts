import { afterAll, beforeAll, describe } from '@jest/globals';
import type { ReadDocument, ReadStore } from '../read-store.port';
import { TestClock, type ContractContext, type ContractOptions, type CreateReadStore, type DisposeReadStore } from './contract-context';
import { describeFilterContract } from './filter.contract';
import { describeFilterProperty } from './filter-property.contract';
import { describeIndexedLookupContract } from './indexed-lookup.contract';
import { describeQueryContract } from './query.contract';
import { describeStoreContract } from './store.contract';
import { describeUpsertContract } from './upsert.contract';

export { TestClock, at, type ContractOptions, type CreateReadStore, type DisposeReadStore } from './contract-context';

/**
 * The one behavioural contract of the read-store port. Every adapter runs it; `create` must return
 * a store over an empty namespace (e.g. a fresh database) that reads time from the given clock.
 */
export function describeReadStoreContract(name: string, create: CreateReadStore, dispose: DisposeReadStore, options: ContractOptions = {}): void {
  describe(`read-store contract: ${name}`, () => {
    const clock = new TestClock();
    let shared: ReadStore | undefined;
    let sequence = 0;

    const context: ContractContext = {
      clock,
      create,
      dispose,
      propertyRuns: options.propertyRuns ?? 200,
      store: () => {
        if (!shared) throw new Error('The contract store is not open');
        return shared;
      },
      freshCollection: <T extends ReadDocument>() => context.store().collection<T>(`contract_${++sequence}`),
      uniqueKey: (prefix) => `${prefix}-${++sequence}`,
    };

    beforeAll(async () => {
      shared = await create({ clock: clock.now });
      await shared.ensureIndexes();
    });
    afterAll(async () => {
      if (shared) await dispose(shared);
    });

    describeUpsertContract(context);
    describeFilterContract(context);
    describeQueryContract(context);
    describeIndexedLookupContract(context);
    describeStoreContract(context);
    describeFilterProperty(context);
  });
}
