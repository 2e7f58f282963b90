import { POSITION_FIELD } from '../document/upsert-batch';
import { UnsupportedQueryError } from '../read-store.errors';

export type FieldPath = readonly string[];

export function parseFieldPath(path: string): FieldPath {
  const segments = path.split('.');
  if (segments.some((segment) => segment.length === 0 || segment.startsWith('$'))) {
    throw new UnsupportedQueryError(`Invalid field path "${path}"`);
  }
  if (segments[0] === POSITION_FIELD) {
    throw new UnsupportedQueryError(`Field ${POSITION_FIELD} is internal to the read store`);
  }
  return segments;
}

export type Resolved = { readonly found: false } | { readonly found: true; readonly value: unknown };

const MISSING: Resolved = { found: false };

function isNestedDocument(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/**
 * Reads a dotted path the way MongoDB does for documents without arrays: a missing or non-document
 * step makes the field missing. Arrays are refused because Mongo would match their elements.
 */
export function resolvePath(doc: unknown, path: FieldPath): Resolved {
  let current: unknown = doc;
  for (const segment of path) {
    if (Array.isArray(current)) throw arrayOnPath(path);
    if (!isNestedDocument(current) || !Object.hasOwn(current, segment)) return MISSING;
    current = current[segment];
  }
  if (Array.isArray(current)) throw arrayOnPath(path);
  return { found: true, value: current };
}

function arrayOnPath(path: FieldPath): UnsupportedQueryError {
  return new UnsupportedQueryError(`Path "${path.join('.')}" reaches an array; array matching is outside the filter subset`);
}
