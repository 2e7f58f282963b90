import type { FindOptions, Projection } from '../read-store.port';
import { UnsupportedQueryError } from '../read-store.errors';
import { compileProjection, type CompiledProjection } from './projection';
import { compileSort, type SortKey } from './sort';

export interface CompiledFindOptions {
  readonly sort: readonly SortKey[];
  readonly skip: number;
  readonly limit: number | undefined;
  readonly projection: CompiledProjection | undefined;
}

function nonNegativeInteger(value: number | undefined, name: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new UnsupportedQueryError(`${name} must be an integer ≥ ${minimum}, got ${String(value)}`);
  }
  return value;
}

export function compileFindOptions(options: (FindOptions & { readonly projection?: Projection }) | undefined): CompiledFindOptions {
  return {
    sort: compileSort(options?.sort),
    skip: nonNegativeInteger(options?.skip, 'skip', 0) ?? 0,
    limit: nonNegativeInteger(options?.limit, 'limit', 1),
    projection: options?.projection === undefined ? undefined : compileProjection(options.projection),
  };
}
