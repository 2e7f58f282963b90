import type { FieldOperators, Filter, FilterScalar } from '../read-store.port';
import { UnsupportedQueryError } from '../read-store.errors';
import { parseFieldPath, type FieldPath } from './field-path';

export type EqualityOperator = '$eq' | '$ne';
export type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';
export type SetOperator = '$in' | '$nin';
export type RangeOperand = Exclude<FilterScalar, null>;

export type FieldTest =
  | { readonly operator: EqualityOperator; readonly operand: FilterScalar }
  | { readonly operator: RangeOperator; readonly operand: RangeOperand }
  | { readonly operator: SetOperator; readonly operands: readonly FilterScalar[] }
  | { readonly operator: '$exists'; readonly operand: boolean };

export type CompiledFilter =
  | { readonly kind: 'and'; readonly all: readonly CompiledFilter[] }
  | { readonly kind: 'or'; readonly any: readonly CompiledFilter[] }
  | { readonly kind: 'field'; readonly path: FieldPath; readonly test: FieldTest };

type FieldOperator = keyof FieldOperators;

const FIELD_OPERATORS: Readonly<Record<FieldOperator, true>> = {
  $eq: true, $ne: true, $gt: true, $gte: true, $lt: true, $lte: true, $in: true, $nin: true, $exists: true,
};

const isFieldOperator = (key: string): key is FieldOperator => Object.hasOwn(FIELD_OPERATORS, key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function scalar(value: unknown, where: string): FilterScalar {
  const ok =
    value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
  if (!ok) throw new UnsupportedQueryError(`${where}: expected a string, number, boolean or null, got ${describe(value)}`);
  return value as FilterScalar;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date (compare ISO strings instead)';
  return Number.isNaN(value) ? 'NaN' : typeof value;
}

function fieldTest(operator: FieldOperator, operand: unknown, where: string): FieldTest {
  switch (operator) {
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      // Mongo reads a range against null as equality with null; mongo-java-server matches nothing.
      if (operand === null) throw new UnsupportedQueryError(`${where}.${operator}: a range against null is not in the subset; use $eq null`);
      return { operator, operand: scalar(operand, `${where}.${operator}`) as RangeOperand };
    case '$eq':
    case '$ne':
      return { operator, operand: scalar(operand, `${where}.${operator}`) };
    case '$in':
    case '$nin':
      if (!Array.isArray(operand)) throw new UnsupportedQueryError(`${where}.${operator} needs an array`);
      return { operator, operands: operand.map((item: unknown) => scalar(item, `${where}.${operator}[]`)) };
    case '$exists':
      if (typeof operand !== 'boolean') throw new UnsupportedQueryError(`${where}.$exists needs true or false`);
      return { operator, operand };
  }
}

function compileField(key: string, condition: unknown): CompiledFilter[] {
  const path = parseFieldPath(key);
  if (!isPlainObject(condition)) return [{ kind: 'field', path, test: { operator: '$eq', operand: scalar(condition, key) } }];
  const entries = Object.entries(condition);
  if (entries.length === 0) throw new UnsupportedQueryError(`${key}: an empty condition is not in the filter subset`);
  return entries.map(([operator, operand]) => {
    if (!isFieldOperator(operator)) {
      throw new UnsupportedQueryError(
        operator.startsWith('$')
          ? `${key}: operator ${operator} is not in the filter subset`
          : `${key}: equality with an embedded document is not in the filter subset (use dotted paths)`,
      );
    }
    return { kind: 'field', path, test: fieldTest(operator, operand, key) };
  });
}

function compileBranches(operator: '$and' | '$or', branches: unknown): CompiledFilter[] {
  if (!Array.isArray(branches) || branches.length === 0) {
    throw new UnsupportedQueryError(`${operator} needs a non-empty array of filters`);
  }
  return branches.map((branch: unknown) => compileFilter(branch as Filter));
}

/** Validates a filter against the subset and compiles it; throws UnsupportedQueryError otherwise. */
export function compileFilter(filter: Filter): CompiledFilter {
  if (!isPlainObject(filter)) throw new UnsupportedQueryError(`A filter is an object, got ${describe(filter)}`);
  const all = Object.entries(filter).flatMap(([key, condition]): CompiledFilter[] => {
    if (key === '$and') return [{ kind: 'and', all: compileBranches(key, condition) }];
    if (key === '$or') return [{ kind: 'or', any: compileBranches(key, condition) }];
    if (key.startsWith('$')) throw new UnsupportedQueryError(`Top-level operator ${key} is not in the filter subset`);
    if (condition === undefined) throw new UnsupportedQueryError(`${key}: undefined is not a filter value`);
    return compileField(key, condition);
  });
  return all.length === 1 ? all[0] : { kind: 'and', all };
}
