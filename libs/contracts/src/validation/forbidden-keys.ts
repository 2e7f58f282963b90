import { joinPath, type FieldError } from './field-error';

const PROTOTYPE_POLLUTING_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Finds prototype-polluting keys anywhere in a parsed JSON value. It must run on the raw value,
 * before anything copies it: `JSON.parse` makes `__proto__` an own key, and a later assignment
 * would turn it into a prototype. Iterative, so a deeply nested message cannot overflow the stack.
 */
export function findPrototypePollutingKeys(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = joinPath(path, key);
      if (PROTOTYPE_POLLUTING_KEYS.has(key)) {
        errors.push({ field: keyPath, rule: 'noPrototypePollution', message: `${keyPath}: the key "${key}" is not allowed` });
      } else {
        pending.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
      }
    }
  }
  return errors;
}
