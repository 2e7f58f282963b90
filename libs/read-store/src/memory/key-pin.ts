import type { CompiledFilter, FieldTest } from '../query/compile-filter';
import { matchesFilter } from '../query/match-filter';

/** What a filter requires of one top-level field whose matches all hold a string there. */
export interface KeyPin {
  /** The strings named by `$eq`/`$in` that pass every test, or undefined for a range (scan an index's keys). */
  readonly listed: readonly string[] | undefined;
  /** Whether a document holding `key` in the field passes every test on that field. */
  accepts(key: string): boolean;
}

/** A test only a string value passes: equality with a string, `$in` of strings, a range with a string bound. */
function passesOnlyStrings(test: FieldTest): boolean {
  switch (test.operator) {
    case '$eq':
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return typeof test.operand === 'string';
    case '$in':
      return test.operands.every((operand) => typeof operand === 'string');
    case '$ne':
    case '$nin':
    case '$exists':
      return false;
  }
}

/** Tests every match passes, by top-level field: ANDed at the top or in `$and`, never in an `$or` branch. */
function topLevelTests(filter: CompiledFilter, into = new Map<string, FieldTest[]>()): Map<string, FieldTest[]> {
  switch (filter.kind) {
    case 'and':
      filter.all.forEach((part) => topLevelTests(part, into));
      break;
    case 'or':
      break;
    case 'field':
      if (filter.path.length === 1) {
        const tests = into.get(filter.path[0]) ?? [];
        into.set(filter.path[0], tests);
        tests.push(filter.test);
      }
      break;
  }
  return into;
}

/**
 * The pin of a field, or undefined when its tests let a non-string match (then an index of string
 * keys cannot narrow the candidates). A key is judged by matchesFilter itself, so an index selects
 * exactly the keys the full filter would accept.
 */
export function keyPinOf(field: string, tests: readonly FieldTest[]): KeyPin | undefined {
  if (!tests.some(passesOnlyStrings)) return undefined;
  const onField: CompiledFilter = { kind: 'and', all: tests.map((test) => ({ kind: 'field', path: [field], test })) };
  const probe: Record<string, string> = {};
  const accepts = (key: string): boolean => {
    probe[field] = key;
    return matchesFilter(probe, onField);
  };
  const equality = tests.find((test) => (test.operator === '$eq' || test.operator === '$in') && passesOnlyStrings(test));
  const named = equality?.operator === '$eq' ? [equality.operand] : equality?.operator === '$in' ? equality.operands : undefined;
  const listed = named && [...new Set(named as string[])].filter(accepts);
  return { listed, accepts };
}

export function keyPinsOf(filter: CompiledFilter): ReadonlyMap<string, KeyPin> {
  const pins = new Map<string, KeyPin>();
  for (const [field, tests] of topLevelTests(filter)) {
    const pin = keyPinOf(field, tests);
    if (pin) pins.set(field, pin);
  }
  return pins;
}
