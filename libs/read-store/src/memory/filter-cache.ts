import { LRUCache } from 'lru-cache';
import type { Filter } from '../read-store.port';
import { compileFilter, type CompiledFilter } from '../query/compile-filter';
import { keyPinsOf, type KeyPin } from './key-pin';

/** A compiled filter plus what the in-memory adapter derives from it once. */
export interface PreparedFilter {
  readonly compiled: CompiledFilter;
  /** True for `{}`: every document matches, none needs decoding. */
  readonly matchesAll: boolean;
  /**
   * UTF-8 JSON texts that a matching document's JSON must contain: the string operands of
   * equalities every match must satisfy. A stored text lacking one is skipped without being parsed.
   */
  readonly needles: readonly Buffer[];
  /** Top-level fields every match holds a string in, and which strings: what `_id` and the field indexes can narrow by. */
  readonly pins: ReadonlyMap<string, KeyPin>;
}

/** String equalities the whole filter is ANDed with (top level and nested `$and`). */
function requiredStrings(filter: Filter, into: Buffer[]): Buffer[] {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') (condition as Filter[]).forEach((branch) => requiredStrings(branch, into));
    else if (typeof condition === 'string') into.push(Buffer.from(JSON.stringify(condition)));
    else if (typeof condition === 'object' && condition !== null && typeof (condition as { $eq?: unknown }).$eq === 'string') {
      into.push(Buffer.from(JSON.stringify((condition as { $eq: string }).$eq)));
    }
  }
  return into;
}

/**
 * A key that identifies the filter exactly, or undefined when JSON would lose something that
 * compileFilter judges (undefined, Dates, NaN, class instances): those are compiled every time.
 */
function exactKey(filter: Filter): string | undefined {
  const exact = (value: unknown): boolean => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
    if (Array.isArray(value)) return value.every(exact);
    if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
    return Object.values(value).every(exact);
  };
  return exact(filter) ? JSON.stringify(filter) : undefined;
}

function prepare(filter: Filter): PreparedFilter {
  const compiled = compileFilter(filter);
  return { compiled, matchesAll: compiled.kind === 'and' && compiled.all.length === 0, needles: requiredStrings(filter, []), pins: keyPinsOf(compiled) };
}

/**
 * Compiled filters by their exact text, so the same query (an API list page, a scheduler pass) is
 * validated and compiled once instead of per request. Bounded: filters embed account ids.
 */
export class FilterCache {
  private readonly prepared = new LRUCache<string, PreparedFilter>({ max: 2_000 });

  get(filter: Filter): PreparedFilter {
    const key = exactKey(filter);
    if (key === undefined) return prepare(filter);
    let hit = this.prepared.get(key);
    if (!hit) this.prepared.set(key, (hit = prepare(filter)));
    return hit;
  }
}
