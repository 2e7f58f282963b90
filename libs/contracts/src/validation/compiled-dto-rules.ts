import { getMetadataStorage, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import type { DtoClass } from './validate-against-dto';

// class-validator's ValidationTypes, which its package does not export.
const CUSTOM_VALIDATION = 'customValidation';
const CONDITIONAL_VALIDATION = 'conditionalValidation';
const WHITELIST = 'whitelistValidation';

interface CompiledRule {
  readonly constraints: unknown[];
  readonly instance: ValidatorConstraintInterface;
}

interface CompiledProperty {
  readonly name: string;
  readonly conditions: ReadonlyArray<(object: object, value: unknown) => boolean>;
  readonly rules: readonly CompiledRule[];
}

interface CompiledDto {
  readonly targetName: string;
  readonly allowed: ReadonlySet<string>;
  readonly properties: readonly CompiledProperty[];
}

/**
 * A DTO's rules as class-validator's ValidationExecutor would find them for `validateSync` (no
 * groups, no schema), read from its metadata storage once instead of on every call. Returns
 * undefined when the DTO uses a feature this fast path does not run (nested or async validation,
 * `each`, `validateIf`): such a DTO is always left to validateSync.
 */
function compile(dto: DtoClass): CompiledDto | undefined {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false, undefined);
  if (metadatas.length === 0) return undefined;
  const byProperty = new Map<string, { conditions: CompiledProperty['conditions'][number][]; rules: CompiledRule[] }>();
  for (const metadata of metadatas) {
    const property = byProperty.get(metadata.propertyName) ?? { conditions: [], rules: [] };
    byProperty.set(metadata.propertyName, property);
    if (metadata.type === WHITELIST) continue;
    if (metadata.each || metadata.validateIf) return undefined;
    if (metadata.type === CONDITIONAL_VALIDATION) {
      property.conditions.push(metadata.constraints[0] as CompiledProperty['conditions'][number]);
      continue;
    }
    if (metadata.type !== CUSTOM_VALIDATION) return undefined;
    for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
      if (constraint.async) return undefined;
      property.rules.push({ constraints: metadata.constraints, instance: constraint.instance });
    }
  }
  const properties = [...byProperty].map(([name, { conditions, rules }]) => ({ name, conditions, rules }));
  return { targetName: dto.name, allowed: new Set(byProperty.keys()), properties };
}

const compiled = new WeakMap<DtoClass, CompiledDto | null>();

function compiledRulesOf(dto: DtoClass): CompiledDto | null {
  let rules = compiled.get(dto);
  if (rules === undefined) {
    rules = compile(dto) ?? null;
    compiled.set(dto, rules);
  }
  return rules;
}

function passesProperty(dto: CompiledDto, property: CompiledProperty, instance: Record<string, unknown>): boolean {
  const value = instance[property.name];
  for (const condition of property.conditions) if (!condition(instance, value)) return true;
  for (const { constraints, instance: rule } of property.rules) {
    const args: ValidationArguments = { targetName: dto.targetName, property: property.name, object: instance, value, constraints };
    if (rule.validate(value, args) !== true) return false;
  }
  return true;
}

/**
 * True only when `validateSync(instance, { whitelist, forbidNonWhitelisted })` would report no
 * error, found by running the very constraint instances it runs (the DTO stays the one source of
 * rules). False means "not sure": the caller asks validateSync, whose errors are then reported.
 */
export function passesDtoRules(instance: object, dto: DtoClass): boolean {
  const rules = compiledRulesOf(dto);
  if (!rules || instance.constructor !== dto) return false;
  const record = instance as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!rules.allowed.has(key)) return false;
  for (const property of rules.properties) if (!passesProperty(rules, property, record)) return false;
  return true;
}
