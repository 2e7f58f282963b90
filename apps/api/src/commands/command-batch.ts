import { ValidationError } from '@ledger/errors';

export const MAX_COMMANDS_PER_REQUEST = 500;

/** What POST /internal/v1/commands received: one envelope, or a list answered by a list. */
export interface CommandBatch {
  readonly envelopes: readonly Record<string, unknown>[];
  readonly isList: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const notAnEnvelope = (field: string, rule: string, message: string): ValidationError =>
  new ValidationError('요청 본문이 명령 봉투(객체) 또는 그 배열이 아닙니다.', [{ field, rule, message }]);

/**
 * Only the shape is checked here (the HTTP analogue of the dead-letter topic): anything that is an
 * object goes to the command handler, which answers a bad envelope with a REJECTED
 * VALIDATION_FAILED outcome, exactly as for Kafka results.
 */
export function commandBatchOf(body: unknown): CommandBatch {
  if (isObject(body)) return { envelopes: [body], isList: false };
  if (!Array.isArray(body)) throw notAnEnvelope('$', 'isObject', 'the body must be a command envelope or an array of them');
  if (body.length === 0 || body.length > MAX_COMMANDS_PER_REQUEST) {
    throw notAnEnvelope('$', 'arrayLength', `an array must hold 1 to ${MAX_COMMANDS_PER_REQUEST} envelopes`);
  }
  const misfit = body.findIndex((element) => !isObject(element));
  if (misfit >= 0) throw notAnEnvelope(`[${misfit}]`, 'isObject', 'every element must be a command envelope (an object)');
  return { envelopes: body as Record<string, unknown>[], isList: true };
}
