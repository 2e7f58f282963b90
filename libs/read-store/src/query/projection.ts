import type { Projection } from '../read-store.port';
import { UnsupportedQueryError } from '../read-store.errors';
import { parseFieldPath } from './field-path';

export type CompiledProjection =
  | { readonly mode: 'include'; readonly fields: readonly string[]; readonly withId: boolean }
  | { readonly mode: 'exclude'; readonly fields: readonly string[] };

/** Top-level fields only: all 1 or all 0, `_id` may be 0 in either form. */
export function compileProjection(projection: Projection): CompiledProjection {
  if (typeof projection !== 'object' || projection === null || Array.isArray(projection)) {
    throw new UnsupportedQueryError('projection is an object of field → 0 | 1');
  }
  const entries = Object.entries(projection);
  for (const [field, flag] of entries) {
    if (flag !== 0 && flag !== 1) throw new UnsupportedQueryError(`projection.${field} must be 0 or 1`);
    if (parseFieldPath(field).length > 1) throw new UnsupportedQueryError(`projection of nested path "${field}" is outside the subset`);
  }
  const others = entries.filter(([field]) => field !== '_id');
  const idFlag = projection._id;
  const including = others.length > 0 ? others[0][1] === 1 : idFlag === 1;
  if (others.some(([, flag]) => flag !== others[0][1])) {
    throw new UnsupportedQueryError('A projection either includes or excludes fields, not both');
  }
  if (!including && idFlag === 1) throw new UnsupportedQueryError('An exclusion projection cannot include _id explicitly');
  const fields = others.map(([field]) => field);
  return including ? { mode: 'include', fields, withId: idFlag !== 0 } : { mode: 'exclude', fields: idFlag === 0 ? [...fields, '_id'] : fields };
}

/** Applies a projection to a private copy (fields are moved, not cloned). */
export function applyProjection(doc: Record<string, unknown>, projection: CompiledProjection): Record<string, unknown> {
  switch (projection.mode) {
    case 'include': {
      const kept: Record<string, unknown> = projection.withId ? { _id: doc._id } : {};
      for (const field of projection.fields) if (Object.hasOwn(doc, field)) kept[field] = doc[field];
      return kept;
    }
    case 'exclude': {
      const kept = { ...doc };
      for (const field of projection.fields) delete kept[field];
      return kept;
    }
  }
}
