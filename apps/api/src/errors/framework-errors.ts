import { HttpException } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  LedgerError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '@ledger/errors';

const PROTOCOL_CODES: Readonly<Record<number, string>> = {
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  408: 'RequestTimeout',
  411: 'LengthRequired',
  413: 'PayloadTooLarge',
  414: 'UriTooLong',
  415: 'UnsupportedMediaType',
  431: 'HeadersTooLarge',
};

/** The status an error from Nest or Fastify (or a Fastify plugin) asks for, if any. */
const statusOf = (error: unknown): number | undefined => {
  if (error instanceof HttpException) return error.getStatus();
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
};

/**
 * Translates what the framework throws (unknown route, unreadable JSON, body too large, a pipe's
 * BadRequest) into the taxonomy, so that toHttpError stays the only mapping to responses.
 * Anything else is returned unchanged and becomes a 500.
 */
export const fromFrameworkError = (error: unknown): unknown => {
  if (error instanceof LedgerError) return error;
  const status = statusOf(error);
  if (status === undefined || (status >= 500 && status !== 503)) return error;
  const message = error instanceof Error ? error.message : String(error);
  switch (status) {
    case 400:
      return new ValidationError(undefined, [{ field: 'request', rule: 'readable', message }]);
    case 401:
      return new UnauthorizedError(`framework: ${message}`);
    case 403:
      return new ForbiddenError();
    case 404:
      return new NotFoundError();
    case 409:
      return new ConflictError();
    case 429:
      return new RateLimitedError();
    case 503:
      return new UnavailableError();
    default:
      return status >= 400 ? new ProtocolError(status, PROTOCOL_CODES[status] ?? 'BadRequest', '요청을 처리할 수 없습니다.') : error;
  }
};
