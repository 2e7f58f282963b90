import { type CanActivate, type ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PortalCsrfRejectedError, type PortalSession, PortalSessionMissingError } from './portal-grant';
import { sessionIdFromCookieHeader } from './portal-cookie';
import { sameSecret } from './portal-secrets';
import { PortalSessions } from './portal-sessions';

const sessions = new WeakMap<object, PortalSession>();

/** Admits requests that carry a live portal session cookie. */
@Injectable()
export class PortalSessionGuard implements CanActivate {
  constructor(private readonly portalSessions: PortalSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const sessionId = sessionIdFromCookieHeader(request.headers.cookie);
    const session = sessionId === undefined ? undefined : await this.portalSessions.find(sessionId);
    if (session === undefined) throw new PortalSessionMissingError();
    sessions.set(request, session);
    return true;
  }
}

const csrfTokenOf = (request: FastifyRequest): string => {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : '';
};

/**
 * Synchronizer token: every state-changing request carries the session's CSRF token (hidden form
 * field `_csrf`, or the `x-csrf-token` header for the card form's fetch). Runs after the session guard.
 */
@Injectable()
export class PortalCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = sessions.get(request);
    if (session === undefined || !sameSecret(csrfTokenOf(request), session.csrfToken)) throw new PortalCsrfRejectedError();
    return true;
  }
}

/** The session admitted by PortalSessionGuard. */
export const CurrentPortalSession = createParamDecorator((_data: unknown, context: ExecutionContext): PortalSession => {
  const session = sessions.get(context.switchToHttp().getRequest<object>());
  if (session === undefined) throw new PortalSessionMissingError();
  return session;
});
