import type { Filter, FilterScalar, SortSpec } from '../read-store.port';

/**
 * A deliberately naive second reading of the filter subset, written straight from MongoDB's manual
 * and sharing no code with the adapters, for the property tests to compare against.
 */
type Doc = Record<string, unknown>;
type Lookup = { present: boolean; value?: unknown };

function lookup(doc: Doc, path: string): Lookup {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !(key in value)) return { present: false };
    value = (value as Doc)[key];
  }
  return { present: true, value };
}

const isEqual = (field: Lookup, operand: FilterScalar): boolean =>
  operand === null ? !field.present || field.value === null : field.present && field.value === operand;

function isInRange(field: Lookup, operator: string, operand: string | number | boolean): boolean {
  if (!field.present || typeof field.value !== typeof operand) return false;
  const value = field.value as string | number | boolean;
  if (operator === '$gt') return value > operand;
  if (operator === '$gte') return value >= operand;
  if (operator === '$lt') return value < operand;
  return value <= operand;
}

function fieldMatches(field: Lookup, operator: string, operand: unknown): boolean {
  if (operator === '$eq') return isEqual(field, operand as FilterScalar);
  if (operator === '$ne') return !isEqual(field, operand as FilterScalar);
  if (operator === '$in') return (operand as FilterScalar[]).some((item) => isEqual(field, item));
  if (operator === '$nin') return !(operand as FilterScalar[]).some((item) => isEqual(field, item));
  if (operator === '$exists') return field.present === operand;
  return isInRange(field, operator, operand as string | number | boolean);
}

export function referenceMatches(doc: Doc, filter: Filter): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return (condition as Filter[]).every((part) => referenceMatches(doc, part));
    if (key === '$or') return (condition as Filter[]).some((part) => referenceMatches(doc, part));
    const field = lookup(doc, key);
    if (typeof condition !== 'object' || condition === null) return isEqual(field, condition as FilterScalar);
    return Object.entries(condition).every(([operator, operand]) => fieldMatches(field, operator, operand));
  });
}

function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  return { number: 1, string: 2, boolean: 3 }[typeof value as 'number' | 'string' | 'boolean'];
}

export function referenceSort<T extends Doc>(docs: readonly T[], sort: SortSpec): T[] {
  const keys = [...Object.entries(sort), ['_id', 1] as const];
  return [...docs].sort((a, b) => {
    for (const [path, direction] of keys) {
      const x = lookup(a, path).value;
      const y = lookup(b, path).value;
      const order = rank(x) !== rank(y) ? rank(x) - rank(y) : x === y || rank(x) === 0 ? 0 : (x as string) < (y as string) ? -1 : 1;
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}
