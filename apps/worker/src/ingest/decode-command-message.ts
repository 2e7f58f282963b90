import { COMMAND_TYPES, type FieldError, validateCommandEnvelope } from '@ledger/contracts';
import { type CommandFailure, ProtocolError, ValidationError, toCommandFailure } from '@ledger/errors';
import { MAX_COMMAND_MESSAGE_BYTES } from '@ledger/messaging';
import type { InboundMessage } from '../kafka/inbound-batch';

export type DecodedMessage =
  | { readonly kind: 'command'; readonly message: InboundMessage; readonly accountId: string; readonly envelope: Record<string, unknown> }
  | { readonly kind: 'dead-letter'; readonly message: InboundMessage; readonly failure: CommandFailure };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const KNOWN_TYPES: ReadonlySet<string> = new Set(COMMAND_TYPES);

/**
 * Turns a message into a validated command envelope, or says why it is not a command (the same DTOs
 * as the HTTP endpoint). What to do with a failure is decided by the error taxonomy.
 */
export function decodeCommandMessage(message: InboundMessage): DecodedMessage {
  try {
    const envelope = parseEnvelope(message.value);
    return { kind: 'command', message, accountId: envelope.accountId as string, envelope };
  } catch (error) {
    return { kind: 'dead-letter', message, failure: toCommandFailure(error) };
  }
}

function parseEnvelope(value: Buffer | null): Record<string, unknown> {
  if (!value || value.length === 0) throw new ValidationError('The message has no value', undefined, 'EmptyMessage');
  if (value.length > MAX_COMMAND_MESSAGE_BYTES) {
    throw new ProtocolError(413, 'PayloadTooLarge', `The message has ${value.length} bytes; the limit is ${MAX_COMMAND_MESSAGE_BYTES}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(value));
  } catch (error) {
    throw new ValidationError(`Malformed JSON: ${(error as Error).message}`, undefined, 'MalformedJson');
  }
  const validation = validateCommandEnvelope(parsed);
  if (!validation.ok) throw envelopeError(parsed, validation.errors);
  return parsed as Record<string, unknown>;
}

function envelopeError(parsed: unknown, errors: readonly FieldError[]): ValidationError {
  // `null`, numbers and strings are valid JSON too; reading `.type` of null must not become a retry.
  const type = typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined;
  const unknownType = typeof type === 'string' && !KNOWN_TYPES.has(type);
  const summary = errors.map((error) => `${error.field}: ${error.message} (${error.rule})`).join('; ');
  return unknownType
    ? new ValidationError(`Unknown command type: ${type.slice(0, 100)}`, errors, 'UnknownCommandType')
    : new ValidationError(summary, errors, 'ValidationError');
}
