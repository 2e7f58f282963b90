import type { FilterScalar } from '../read-store.port';
import type { CompiledFilter, FieldTest, RangeOperand } from './compile-filter';
import { resolvePath, type Resolved } from './field-path';
import { compareValues, typeRank } from './value-order';

/** Mongo equality: null also matches a missing field; otherwise same type and same value. */
function equals(field: Resolved, operand: FilterScalar): boolean {
  if (operand === null) return !field.found || field.value === null;
  return field.found && typeRank(field.value) === typeRank(operand) && compareValues(field.value, operand) === 0;
}

/** Mongo range operators only compare values of one type. */
function inRange(field: Resolved, operand: RangeOperand, accepts: (order: number) => boolean): boolean {
  if (!field.found || typeRank(field.value) !== typeRank(operand)) return false;
  return accepts(compareValues(field.value, operand));
}

function passes(field: Resolved, test: FieldTest): boolean {
  switch (test.operator) {
    case '$eq':
      return equals(field, test.operand);
    case '$ne':
      return !equals(field, test.operand);
    case '$gt':
      return inRange(field, test.operand, (order) => order > 0);
    case '$gte':
      return inRange(field, test.operand, (order) => order >= 0);
    case '$lt':
      return inRange(field, test.operand, (order) => order < 0);
    case '$lte':
      return inRange(field, test.operand, (order) => order <= 0);
    case '$in':
      return test.operands.some((operand) => equals(field, operand));
    case '$nin':
      return !test.operands.some((operand) => equals(field, operand));
    case '$exists':
      return field.found === test.operand;
  }
}

export function matchesFilter(doc: unknown, filter: CompiledFilter): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.all.every((part) => matchesFilter(doc, part));
    case 'or':
      return filter.any.some((part) => matchesFilter(doc, part));
    case 'field':
      return passes(resolvePath(doc, filter.path), filter.test);
  }
}
