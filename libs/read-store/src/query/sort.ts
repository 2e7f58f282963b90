import type { SortSpec } from '../read-store.port';
import { UnsupportedQueryError } from '../read-store.errors';
import { parseFieldPath, resolvePath, type FieldPath } from './field-path';
import { compareValues } from './value-order';

export interface SortKey {
  readonly field: string;
  readonly path: FieldPath;
  readonly direction: 1 | -1;
}

/** Validated sort keys, ending with `_id` ascending so equal keys always come out in one order. */
export function compileSort(spec: SortSpec | undefined): SortKey[] {
  if (spec !== undefined && (typeof spec !== 'object' || spec === null || Array.isArray(spec))) {
    throw new UnsupportedQueryError('sort is an object of field → 1 | -1');
  }
  const keys = Object.entries(spec ?? {}).map(([field, direction]): SortKey => {
    if (direction !== 1 && direction !== -1) throw new UnsupportedQueryError(`sort.${field} must be 1 or -1`);
    return { field, path: parseFieldPath(field), direction };
  });
  return keys.some((key) => key.field === '_id') ? keys : [...keys, { field: '_id', path: ['_id'], direction: 1 }];
}

function sortValue(doc: unknown, key: SortKey): unknown {
  const resolved = resolvePath(doc, key.path);
  const value = resolved.found ? resolved.value : null;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    throw new UnsupportedQueryError(`Sorting on "${key.field}", which holds an embedded document, is outside the subset`);
  }
  return value;
}

export function sortComparator(keys: readonly SortKey[]): (a: unknown, b: unknown) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = compareValues(sortValue(a, key), sortValue(b, key));
      if (order !== 0) return order * key.direction;
    }
    return 0;
  };
}

/** Mongo's form of the same keys, for the driver. */
export function toMongoSort(keys: readonly SortKey[]): Record<string, 1 | -1> {
  return Object.fromEntries(keys.map((key) => [key.field, key.direction]));
}
