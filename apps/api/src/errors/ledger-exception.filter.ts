import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { UnauthorizedError, toHttpError } from '@ledger/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PLATFORM_LOGGER } from '../logging/platform-logger';
import { fromFrameworkError } from './framework-errors';

/** Every error leaves as `{ errorCode, errorMessage, details? }`; 5xx are logged with the request id. */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  constructor(@Inject(PLATFORM_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = fromFrameworkError(exception);
    const { status, body } = toHttpError(error);
    this.log(status, error, request);
    if (reply.sent) return;
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private log(status: number, error: unknown, request: FastifyRequest): void {
    const context = { requestId: request.id, method: request.method, route: request.routeOptions?.url };
    if (status >= 500) this.logger.error({ ...context, err: error }, 'request failed');
    else if (error instanceof UnauthorizedError) this.logger.info({ ...context, reason: error.reason }, 'authentication refused');
    else this.logger.debug({ ...context, status }, 'request refused');
  }
}
