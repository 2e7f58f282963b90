import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthorizedError } from '@ledger/errors';
import type { FastifyRequest } from 'fastify';
import { AUTH_REQUIREMENT, type AuthRequirement } from './auth-requirement';
import { CredentialAuthenticator } from './credential-authenticator';
import { attachPrincipal } from './request-principal';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: CredentialAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [context.getHandler(), context.getClass()]);
    if (requirement === undefined) throw new UnauthorizedError('AuthGuard without @Auth requirement');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const result = await this.authenticator.authenticateRequest(request);
    if (!result.ok) throw result.error;
    const { principal } = result;
    if (requirement.mode !== 'any' && principal.via !== requirement.mode) throw new UnauthorizedError(`${principal.via} credential on a ${requirement.mode}-only route`);
    if (requirement.roles.length > 0 && !requirement.roles.includes(principal.role)) throw new ForbiddenError();
    attachPrincipal(request, principal);
    return true;
  }
}
