import { type ErrorKind, LedgerError, ProtocolError, RuleViolationError, isLedgerError } from './ledger-error';

/**
 * The single place where an error becomes an HTTP response or a command result.
 * Rule violations thrown outside the command path (where they are outcomes, not errors) map to
 * 422: the request was well-formed but the ledger refused it, and the body carries the rule's code.
 */

/** What a message consumer does with a failed command. */
export type CommandDisposition =
  /** Publish a REJECTED result; the command is final. */
  | 'reject'
  /** Not a command at all: send the original bytes to the dead-letter topic. */
  | 'dead-letter'
  /** Infrastructure trouble: back off and retry the same message, never skip it. */
  | 'retry';

interface KindPolicy {
  readonly status: number;
  readonly disposition: CommandDisposition;
}

const POLICY: Readonly<Record<ErrorKind, KindPolicy>> = {
  validation: { status: 400, disposition: 'dead-letter' },
  rule_violation: { status: 422, disposition: 'reject' },
  not_found: { status: 404, disposition: 'reject' },
  conflict: { status: 409, disposition: 'retry' },
  unauthorized: { status: 401, disposition: 'reject' },
  forbidden: { status: 403, disposition: 'reject' },
  rate_limited: { status: 429, disposition: 'retry' },
  unavailable: { status: 503, disposition: 'retry' },
  protocol: { status: 400, disposition: 'dead-letter' },
};

export const INTERNAL_ERROR_CODE = 'InternalError';
const INTERNAL_ERROR_MESSAGE = '서버 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.';

export interface ErrorBody {
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly details?: unknown;
}

export interface HttpError {
  readonly status: number;
  readonly body: ErrorBody;
}

export interface CommandFailure {
  readonly disposition: CommandDisposition;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly retryable: boolean;
  readonly details?: unknown;
}

const statusOf = (error: LedgerError): number => {
  const isClientStatus = error instanceof ProtocolError && error.status >= 400 && error.status < 500;
  return isClientStatus ? error.status : POLICY[error.kind].status;
};

const bodyOf = (error: LedgerError): ErrorBody =>
  error.details === undefined
    ? { errorCode: error.code, errorMessage: error.message }
    : { errorCode: error.code, errorMessage: error.message, details: error.details };

/** Anything that is not a LedgerError is a bug: 500 with a generic message and no internals. */
export const toHttpError = (error: unknown): HttpError =>
  isLedgerError(error)
    ? { status: statusOf(error), body: bodyOf(error) }
    : { status: 500, body: { errorCode: INTERNAL_ERROR_CODE, errorMessage: INTERNAL_ERROR_MESSAGE } };

/**
 * An unknown error is retried rather than dead-lettered: it is as likely to be an outage as a bug,
 * and skipping a valid command would lose money movements (messaging.md: never skip).
 */
export const toCommandFailure = (error: unknown): CommandFailure => {
  if (!isLedgerError(error)) {
    return { disposition: 'retry', errorCode: INTERNAL_ERROR_CODE, errorMessage: INTERNAL_ERROR_MESSAGE, retryable: true };
  }
  const disposition = POLICY[error.kind].disposition;
  const retryable = error instanceof RuleViolationError ? error.retryable : disposition === 'retry';
  const { errorCode, errorMessage, details } = bodyOf(error);
  return details === undefined ? { disposition, errorCode, errorMessage, retryable } : { disposition, errorCode, errorMessage, retryable, details };
};
