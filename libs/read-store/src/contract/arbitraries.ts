import fc from 'fast-check';
import type { Filter, FilterScalar, ReadDocument, SortSpec } from '../read-store.port';

/** Few, colliding values across every type, so random filters hit, miss and cross type brackets. */
const SCALARS: FilterScalar[] = [null, 0, 1, -1, 2.5, 100, '', 'a', 'b', '100', '2024-01-01T00:00:00.000Z', '2024-06-30T12:00:00.000Z', true, false];
const scalar = fc.constantFrom(...SCALARS);
const rangeOperand = fc.constantFrom(...SCALARS.filter((value) => value !== null));

const nested = fc.record({ x: scalar, y: scalar }, { requiredKeys: [] });

export type RandomDoc = ReadDocument & Record<string, unknown>;

export const randomDocs: fc.Arbitrary<RandomDoc[]> = fc
  .array(
    fc.record(
      { accountId: fc.constantFrom('acc-1', 'acc-2', 'acc-3'), n: scalar, s: scalar, nested: fc.oneof(nested, scalar) },
      { requiredKeys: ['accountId'] },
    ),
    { maxLength: 25 },
  )
  .map((docs) => docs.map((doc, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...doc })));

const PATHS = ['accountId', 'n', 's', 'nested', 'nested.x', 'nested.y', 'absent', '_id'];

const operators = fc.oneof(
  fc.record({ $eq: scalar }),
  fc.record({ $ne: scalar }),
  fc.record({ $gt: rangeOperand }),
  fc.record({ $gte: rangeOperand }),
  fc.record({ $lt: rangeOperand }),
  fc.record({ $lte: rangeOperand }),
  fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ $nin: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ $exists: fc.boolean() }),
  fc.record({ $gte: rangeOperand, $lt: rangeOperand }),
);

const fieldFilter: fc.Arbitrary<Filter> = fc
  .tuple(fc.constantFrom(...PATHS), fc.oneof(scalar, operators))
  .map(([path, condition]) => ({ [path]: condition }));

export const randomFilter: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    fieldFilter,
    fc.tuple(fieldFilter, fieldFilter).map(([a, b]) => ({ ...a, ...b })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map(($and) => ({ $and })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map(($or) => ({ $or })),
  ),
})).filter;

export const randomSort: fc.Arbitrary<SortSpec> = fc
  .uniqueArray(fc.tuple(fc.constantFrom('accountId', 'n', 's', 'nested.x'), fc.constantFrom<1 | -1>(1, -1)), {
    maxLength: 2,
    selector: ([field]) => field,
  })
  .map((keys) => Object.fromEntries(keys));

export const randomPage = fc.record({ skip: fc.nat(5), limit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }) });
