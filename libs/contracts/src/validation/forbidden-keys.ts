import { joinPath, type FieldError } from './field-error';

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const PROTOTYPE_POLLUTING_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Finds prototype-polluting keys anywhere in a parsed JSON value. It must run on the raw value,
 * before anything copies it: `JSON.parse` makes `__proto__` an own key, and a later assignment
 * would turn it into a prototype. Iterative, so a deeply nested message cannot overflow the stack.
 */
export function findPrototypePollutingKeys(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: object; path: string }> = isObject(root) ? [{ value: root, path: '' }] : [];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isObject(item)) pending.push({ value: item, path: `${path}[${index}]` });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_POLLUTING_KEYS.has(key)) {
        const keyPath = joinPath(path, key);
        errors.push({ field: keyPath, rule: 'noPrototypePollution', message: `${keyPath}: the key "${key}" is not allowed` });
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      // Paths are built only for objects: a scalar cannot hold a key to report.
      if (isObject(child)) pending.push({ value: child, path: joinPath(path, key) });
    }
  }
  return errors;
}
