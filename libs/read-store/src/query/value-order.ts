import { UnsupportedQueryError } from '../read-store.errors';

/** MongoDB's cross-type order (null < numbers < strings < objects < booleans < dates). */
export function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  switch (typeof value) {
    case 'number':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
    case 'object':
      return value instanceof Date ? 9 : 4;
    default:
      throw new UnsupportedQueryError(`Cannot order a ${typeof value}`);
  }
}

/**
 * Total order used for sorting and, within one type, for $gt/$lt. Strings compare by UTF-16 code
 * unit, which equals Mongo's binary UTF-8 order for every character outside U+E000–U+FFFF.
 */
export function compareValues(a: unknown, b: unknown): number {
  const rankDifference = typeRank(a) - typeRank(b);
  if (rankDifference !== 0) return Math.sign(rankDifference);
  if (a === null || a === undefined) return 0;
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') {
    return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  }
  if (a instanceof Date) return Math.sign(a.getTime() - (b as Date).getTime());
  throw new UnsupportedQueryError('Comparing embedded documents is outside the query subset');
}
