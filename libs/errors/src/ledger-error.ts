/**
 * The one error taxonomy of the ledger. Every layer throws these; the edges translate them
 * (HTTP status and body, Kafka result or dead letter) in ./error-policy.ts only.
 */
export type ErrorKind =
  | 'validation'
  | 'rule_violation'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable'
  | 'protocol';

/** One offending input: which field, which rule, and a human message. */
export interface ErrorDetail {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

interface LedgerErrorOptions {
  readonly details?: unknown;
  readonly cause?: unknown;
}

export abstract class LedgerError extends Error {
  abstract readonly kind: ErrorKind;
  readonly details?: unknown;

  protected constructor(
    /** Stable, public error code (the `errorCode` of HTTP bodies and command results). */
    readonly code: string,
    message: string,
    options: LedgerErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.details !== undefined) this.details = options.details;
  }
}

export const isLedgerError = (error: unknown): error is LedgerError => error instanceof LedgerError;

/** Bad input: wrong type, out of range, unknown enum, malformed id. `details` names the fields. */
export class ValidationError extends LedgerError {
  readonly kind = 'validation';
  constructor(message = '요청 값이 올바르지 않습니다.', details?: readonly ErrorDetail[], code = 'ValidationError') {
    super(code, message, { details });
  }
}

/** The portal needs a billing account, which exists only after a first payment. */
export class NoBillingAccountError extends ValidationError {
  constructor() {
    super('청구 계정이 없습니다. 먼저 결제가 있어야 합니다.', undefined, 'NoBillingAccount');
  }
}

/**
 * A valid request that breaks a domain rule (e.g. RENEWAL_PENDING). `retryable` says whether the
 * same command may succeed later without change.
 */
export class RuleViolationError extends LedgerError {
  readonly kind = 'rule_violation';
  constructor(
    code: string,
    message: string,
    readonly retryable = false,
    details?: unknown,
  ) {
    super(code, message, { details });
  }
}

export class NotFoundError extends LedgerError {
  readonly kind = 'not_found';
  constructor(message = '요청한 리소스를 찾을 수 없습니다.') {
    super('NotFound', message);
  }
}

/** A concurrent change won (e.g. wrong expected revision); reloading and retrying may succeed. */
export class ConflictError extends LedgerError {
  readonly kind = 'conflict';
  constructor(message = '요청이 현재 상태와 충돌합니다.', cause?: unknown) {
    super('Conflict', message, { cause });
  }
}

/**
 * Missing or invalid credentials. The public body never says why (that would help an attacker);
 * `reason` is for the server log only.
 */
export class UnauthorizedError extends LedgerError {
  readonly kind = 'unauthorized';
  constructor(readonly reason = 'unauthorized') {
    super('Unauthorized', '권한이 없습니다.');
  }
}

export class ForbiddenError extends LedgerError {
  readonly kind = 'forbidden';
  constructor(message = '이 요청을 수행할 수 있는 역할이 아닙니다.') {
    super('Forbidden', message);
  }
}

export class RateLimitedError extends LedgerError {
  readonly kind = 'rate_limited';
  constructor(message = '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.') {
    super('TooManyRequests', message);
  }
}

/** A dependency (store, read store, gateway) is down or timed out; the request may be retried. */
export class UnavailableError extends LedgerError {
  readonly kind = 'unavailable';
  constructor(message = '서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.', details?: unknown, cause?: unknown) {
    super('Unavailable', message, { details, cause });
  }
}

/**
 * The request was refused at the transport level before any business code ran
 * (body too large, unsupported media type, unsupported method). Carries its own 4xx status.
 */
export class ProtocolError extends LedgerError {
  readonly kind = 'protocol';
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}
