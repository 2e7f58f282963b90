import { IsIn, IsInt, IsString, Length, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => decorators.forEach((decorate) => decorate(target, propertyKey));
}

export function IsBoundedString(minLength: number, maxLength: number): PropertyDecorator {
  return compose(IsString(), Length(minLength, maxLength));
}

export function IsIntInRange(min: number, max: number = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  return compose(IsInt(), Min(min), Max(max));
}

export function IsOneOf(values: readonly string[]): PropertyDecorator {
  return IsIn([...values]);
}

// Date and time with an explicit offset: a zone-less time would be read in the host's zone.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checked by hand rather than with validator's isISO8601(strict), which costs more than the rest of the envelope. */
export function isIsoInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = ISO_INSTANT.exec(value);
  if (!parts) return false;
  const field = (index: number): number => (parts[index] === undefined ? 0 : Number(parts[index]));
  const month = field(2);
  const day = field(3);
  // Only days past the 28th need the calendar (a Date per call is most of this function's cost).
  const dayExists = day >= 1 && (day <= 28 || day <= daysInMonth(field(1), month));
  return (
    month >= 1 && month <= 12 && dayExists &&
    field(4) <= 23 && field(5) <= 59 && field(6) <= 59 && field(7) <= 23 && field(8) <= 59
  );
}

export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: isIsoInstant,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO-8601 date-time with a zone offset (e.g. 2026-04-23T00:15:30.123Z)`,
      },
    },
    options,
  );
}
