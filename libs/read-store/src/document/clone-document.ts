import { InvalidDocumentError } from '../read-store.errors';

export function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The refusal for a value BSON cannot round-trip (shared by every walk over a document). */
export function unsupportedValue(value: unknown): InvalidDocumentError {
  const kind = typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'object') : typeof value;
  return new InvalidDocumentError(`Read-store documents hold JSON values and Dates only, not ${kind}`);
}

/**
 * Deep copy with BSON's view of a JSON document, so the in-memory adapter stores exactly what the
 * Mongo driver (with ignoreUndefined) would: undefined properties vanish, undefined array items
 * become null, and values BSON cannot round-trip are refused rather than silently changed.
 */
export function cloneValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : cloneValue(item)));
  if (typeof value === 'object' && isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field !== undefined) copy[key] = cloneValue(field);
    }
    return copy;
  }
  throw unsupportedValue(value);
}

export function cloneDocument<T>(doc: T): T {
  return cloneValue(doc) as T;
}
