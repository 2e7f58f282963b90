import { SetMetadata, UseGuards, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { UnauthorizedError } from '@ledger/errors';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { AUTH_REQUIREMENT, type AuthMode, type AuthRequirement } from './auth-requirement';
import { AuthGuard } from './auth.guard';
import type { Principal, Role } from './principal';
import { principalOf } from './request-principal';

export const HMAC_SECURITY_SCHEME = 'hmac';
export const JWT_SECURITY_SCHEME = 'jwt';

/**
 * Requires a credential of the given kind and one of the roles: 401 without a valid credential
 * (or with the other kind), 403 for a role that may not call the endpoint.
 */
export const Auth = (mode: AuthMode, ...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { mode, roles } satisfies AuthRequirement),
    UseGuards(AuthGuard),
    ...(mode === 'jwt' ? [] : [ApiSecurity(HMAC_SECURITY_SCHEME)]),
    ...(mode === 'hmac' ? [] : [ApiBearerAuth(JWT_SECURITY_SCHEME)]),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: '{ "errorCode": "Unauthorized", "errorMessage": "권한이 없습니다." }' }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The role may not call this endpoint' }),
  );

/** The authenticated caller; only on routes guarded by @Auth. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<object>());
  if (principal === undefined) throw new UnauthorizedError('@CurrentPrincipal on a route without @Auth');
  return principal;
});
