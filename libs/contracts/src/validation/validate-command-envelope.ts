import { CommandEnvelopeDto, IssuedByDto, type CommandEnvelope } from '../envelope/command-envelope.dto';
import { PAYLOAD_DTO_BY_TYPE } from '../payloads/payload-dto-by-type';
import { COMMAND_TYPES, type CommandType } from '../vocabulary';
import { ROOT_FIELD, type FieldError } from './field-error';
import { findPrototypePollutingKeys } from './forbidden-keys';
import { isPlainObject, toDtoInstance, validateAgainstDto, type DtoClass } from './validate-against-dto';

export type EnvelopeValidationResult =
  | { readonly ok: true; readonly envelope: CommandEnvelope }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const KNOWN_TYPES: ReadonlySet<string> = new Set(COMMAND_TYPES);

function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && KNOWN_TYPES.has(value);
}

function nestedInstance(dto: DtoClass, value: unknown): unknown {
  return isPlainObject(value) ? toDtoInstance(dto, value) : value;
}

/**
 * Validates a parsed command envelope (HTTP body or Kafka message value) and its payload, chosen
 * by `type`. Never throws for a JSON value; every failure names the field path and the rule.
 */
export function validateCommandEnvelope(raw: unknown): EnvelopeValidationResult {
  if (!isPlainObject(raw)) {
    return { ok: false, errors: [{ field: ROOT_FIELD, rule: 'isObject', message: 'a command envelope must be a JSON object' }] };
  }
  const pollutingKeys = findPrototypePollutingKeys(raw);
  if (pollutingKeys.length > 0) return { ok: false, errors: pollutingKeys };

  const envelope = toDtoInstance(CommandEnvelopeDto, raw);
  envelope.issuedBy = nestedInstance(IssuedByDto, raw.issuedBy) as IssuedByDto;
  const payloadDto = isCommandType(raw.type) ? PAYLOAD_DTO_BY_TYPE[raw.type] : undefined;
  if (payloadDto) envelope.payload = nestedInstance(payloadDto, raw.payload) as object;

  const errors = validateAgainstDto(envelope, CommandEnvelopeDto, '');
  if (isPlainObject(raw.issuedBy)) errors.push(...validateAgainstDto(envelope.issuedBy, IssuedByDto, 'issuedBy'));
  if (payloadDto && isPlainObject(raw.payload)) errors.push(...validateAgainstDto(envelope.payload, payloadDto, 'payload'));

  return errors.length > 0 ? { ok: false, errors } : { ok: true, envelope: envelope as CommandEnvelope };
}
