import {
  ConflictError,
  ForbiddenError,
  NoBillingAccountError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  RuleViolationError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from './ledger-error';
import { toCommandFailure, toHttpError } from './error-policy';

describe('toHttpError', () => {
  it.each([
    [new ValidationError('bad', [{ field: 'limit', rule: 'max', message: 'limit must not be greater than 100' }]), 400, 'ValidationError'],
    [new NoBillingAccountError(), 400, 'NoBillingAccount'],
    [new RuleViolationError('RENEWAL_PENDING', 'renewal first', true), 422, 'RENEWAL_PENDING'],
    [new NotFoundError(), 404, 'NotFound'],
    [new ConflictError(), 409, 'Conflict'],
    [new UnauthorizedError('bad signature'), 401, 'Unauthorized'],
    [new ForbiddenError(), 403, 'Forbidden'],
    [new RateLimitedError(), 429, 'TooManyRequests'],
    [new UnavailableError(), 503, 'Unavailable'],
    [new ProtocolError(413, 'PayloadTooLarge', 'too large'), 413, 'PayloadTooLarge'],
  ])('maps %p to %i %s', (error, status, errorCode) => {
    const http = toHttpError(error);
    expect(http.status).toBe(status);
    expect(http.body.errorCode).toBe(errorCode);
  });

  it('gives the exact 401 body of the spec, whatever the internal reason', () => {
    expect(toHttpError(new UnauthorizedError('salt reused')).body).toStrictEqual({ errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' });
  });

  it('keeps details that name the fields', () => {
    const detail = { field: 'offset', rule: 'min', message: 'offset must not be less than 0' };
    expect(toHttpError(new ValidationError('bad', [detail])).body.details).toStrictEqual([detail]);
  });

  it('turns an unknown error into a generic 500 without internals', () => {
    const http = toHttpError(new TypeError('secret stack detail'));
    expect(http.status).toBe(500);
    expect(http.body).toStrictEqual({ errorCode: 'InternalError', errorMessage: expect.any(String) });
    expect(JSON.stringify(http.body)).not.toContain('secret stack detail');
  });

  it('never lets a protocol error claim a non-4xx status', () => {
    expect(toHttpError(new ProtocolError(200, 'Odd', 'odd')).status).toBe(400);
  });
});

describe('toCommandFailure', () => {
  it('rejects final rule violations and keeps their code', () => {
    expect(toCommandFailure(new RuleViolationError('INVALID_TARGET_TIER', 'no'))).toMatchObject({ disposition: 'reject', errorCode: 'INVALID_TARGET_TIER', retryable: false });
  });

  it('marks retryable rule violations as retryable rejections', () => {
    expect(toCommandFailure(new RuleViolationError('RENEWAL_PENDING', 'later', true))).toMatchObject({ disposition: 'reject', retryable: true });
  });

  it('dead-letters validation failures with their details', () => {
    const detail = { field: 'type', rule: 'isEnum', message: 'unknown type' };
    expect(toCommandFailure(new ValidationError('bad', [detail]))).toStrictEqual({
      disposition: 'dead-letter',
      errorCode: 'ValidationError',
      errorMessage: 'bad',
      retryable: false,
      details: [detail],
    });
  });

  it.each([new UnavailableError(), new ConflictError(), new Error('socket hang up')])('retries infrastructure trouble: %p', (error) => {
    expect(toCommandFailure(error)).toMatchObject({ disposition: 'retry', retryable: true });
  });
});
