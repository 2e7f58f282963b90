import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { at, type ContractContext } from './contract-context';
import { randomDocs, randomFilter, randomPage, randomSort, type RandomDoc } from './arbitraries';
import { referenceMatches, referenceSort } from './reference-query';

export function describeFilterProperty(context: ContractContext): void {
  describe('property: find and count agree with a naive reference', () => {
    it('for random documents, filters, sorts and pages', async () => {
      await fc.assert(
        fc.asyncProperty(randomDocs, randomFilter, randomSort, randomPage, async (docs, filter, sort, { skip, limit }) => {
          const collection = context.freshCollection<RandomDoc>();
          await collection.upsertMany(docs.map((doc) => ({ doc, position: at(1) })));
          const matching = referenceSort(docs.filter((doc) => referenceMatches(doc, filter)), sort);
          const expected = matching.slice(skip, limit === undefined ? undefined : skip + limit);
          expect(await collection.find(filter, { sort, skip, limit })).toEqual(expected);
          expect(await collection.count(filter)).toBe(matching.length);
          await collection.drop();
        }),
        { numRuns: context.propertyRuns },
      );
    });
  });
}
