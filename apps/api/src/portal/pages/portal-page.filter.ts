import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { toHttpError } from '@ledger/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { fromFrameworkError } from '../../errors/framework-errors';
import { PLATFORM_LOGGER } from '../../logging/platform-logger';
import { PortalCsrfRejectedError, PortalLinkRefusedError, PortalSessionMissingError } from '../access/portal-grant';
import { renderMessagePage } from '../views/message-view';

interface ErrorPage {
  readonly status: number;
  readonly title: string;
  readonly message: string;
}

const LINK_REFUSALS: Readonly<Record<PortalLinkRefusedError['reason'], ErrorPage>> = {
  unknown: { status: 401, title: '유효하지 않은 링크', message: '포털 링크가 올바르지 않습니다.' },
  expired: { status: 410, title: '만료된 링크', message: '포털 링크가 만료되었습니다. 링크는 발급 후 5분 동안만 사용할 수 있습니다.' },
  used: { status: 410, title: '이미 사용된 링크', message: '이미 사용된 포털 링크입니다. 링크는 한 번만 열 수 있습니다.' },
};

const NO_SESSION: ErrorPage = { status: 401, title: '세션이 없습니다', message: '포털 세션이 없거나 만료되었습니다(60분). 포털 링크를 다시 받아 주세요.' };
const CSRF_REJECTED: ErrorPage = { status: 403, title: '요청을 확인할 수 없습니다', message: '보안 토큰이 올바르지 않아 요청을 처리하지 않았습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.' };

const pageFor = (exception: unknown): ErrorPage => {
  if (exception instanceof PortalLinkRefusedError) return LINK_REFUSALS[exception.reason];
  if (exception instanceof PortalSessionMissingError) return NO_SESSION;
  if (exception instanceof PortalCsrfRejectedError) return CSRF_REJECTED;
  const { status, body } = toHttpError(fromFrameworkError(exception));
  return { status, title: status >= 500 ? '일시적인 오류' : '요청을 처리할 수 없습니다', message: body.errorMessage };
};

/** Portal pages answer errors with a Korean HTML page (the JSON API keeps the platform's filter). */
@Catch()
export class PortalPageFilter implements ExceptionFilter {
  constructor(@Inject(PLATFORM_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const page = pageFor(exception);
    if (page.status >= 500) this.logger.error({ requestId: request.id, route: request.routeOptions?.url, err: exception }, 'portal page failed');
    if (reply.sent) return;
    void reply.status(page.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMessagePage(page));
  }
}
