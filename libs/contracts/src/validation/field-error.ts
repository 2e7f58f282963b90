import type { ValidationError } from 'class-validator';

/** One failed rule: `field` is a path from the envelope root (`payload.seatCount`), `rule` the constraint name. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** The path of the envelope itself, for errors about the whole value. */
export const ROOT_FIELD = '$';

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** `payload.seatCount`; keys that are not identifiers are quoted: `payload["a.b"]`, `[""]`. */
export function joinPath(parent: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export function toFieldErrors(errors: readonly ValidationError[], parentPath: string): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = joinPath(parentPath, error.property);
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, rule, message });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}
