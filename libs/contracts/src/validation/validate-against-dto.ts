import { getMetadataStorage, validateSync, type ValidatorOptions } from 'class-validator';
import { passesDtoRules } from './compiled-dto-rules';
import { joinPath, toFieldErrors, type FieldError } from './field-error';

export type DtoClass<T extends object = object> = new () => T;

export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Copies the own keys of a plain object onto a bare instance of the DTO. Equivalent to
 * plainToInstance for our flat, scalar DTOs without its per-call metadata walk; the constructor
 * is not run, so optional fields that were not sent stay absent instead of `undefined`.
 * Callers must have refused prototype-polluting keys first.
 */
export function toDtoInstance<T extends object>(dto: DtoClass<T>, plain: Record<string, unknown>): T {
  return Object.assign(Object.create(dto.prototype) as T, plain);
}

const declaresRules = new WeakMap<DtoClass, boolean>();

// class-validator refuses an instance of a class without rules as an "unknown value"; for such a
// DTO (a command without payload fields) the only rule is that nothing is sent.
function hasRules(dto: DtoClass): boolean {
  let known = declaresRules.get(dto);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length > 0;
    declaresRules.set(dto, known);
  }
  return known;
}

/** Errors exactly as class-validator's validateSync reports them; a valid instance skips its metadata walk. */
export function validateAgainstDto(instance: object, dto: DtoClass, path: string): FieldError[] {
  if (passesDtoRules(instance, dto)) return [];
  if (hasRules(dto)) return toFieldErrors(validateSync(instance, VALIDATOR_OPTIONS), path);
  return Object.keys(instance).map((key) => ({
    field: joinPath(path, key),
    rule: 'whitelistValidation',
    message: `property ${key} should not exist`,
  }));
}
