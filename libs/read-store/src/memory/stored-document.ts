import { isPlainObject, unsupportedValue } from '../document/clone-document';

/**
 * Whether JSON.stringify then JSON.parse gives back an equal document: Dates, -0, NaN and the
 * infinities do not survive JSON. Refuses what cloneValue refuses; a document it stops early on goes
 * through cloneValue, which checks the rest.
 */
function survivesJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (value instanceof Date) return false;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (item !== undefined && !survivesJson(item)) return false;
        return true;
      }
      if (!isPlainObject(value)) throw unsupportedValue(value);
      // for-in allocates no key array; a plain object inherits no enumerable keys.
      for (const key in value) {
        const field = value[key];
        if (field !== undefined && !survivesJson(field)) return false;
      }
      return true;
    }
    default:
      throw unsupportedValue(value);
  }
}

/**
 * The document's JSON text when JSON round-trips it exactly (the usual case: the in-memory adapter
 * keeps that text), or undefined when it must be kept as a deep copy. JSON drops undefined
 * properties and writes undefined array items as null, as BSON does.
 */
export function exactJsonOf(doc: object): string | undefined {
  return survivesJson(doc) ? JSON.stringify(doc) : undefined;
}
