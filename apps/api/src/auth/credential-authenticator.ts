import { LedgerError, UnauthorizedError, UnavailableError } from '@ledger/errors';
import type { HmacAuthenticator } from './hmac/hmac-authenticator';
import type { JwtVerifier } from './jwt/jwt-verifier';
import type { Principal } from './principal';

export type AuthenticationResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly error: LedgerError };

const HMAC_SCHEME = /^\s*HMAC-SHA256\s/i;
const BEARER = /^\s*Bearer[ \t]+(\S+)\s*$/i;

/**
 * Turns an Authorization header into a principal. Never throws: bad credentials are an
 * UnauthorizedError, a failing dependency (key directory, replay store) an UnavailableError.
 */
export class CredentialAuthenticator {
  constructor(
    private readonly hmac: HmacAuthenticator,
    private readonly jwt: JwtVerifier,
  ) {}

  private readonly perRequest = new WeakMap<object, Promise<AuthenticationResult>>();

  /**
   * Authenticates a request once, whoever asks first (the rate limiter's key, then the guard), so
   * that a salt is claimed once per request.
   */
  authenticateRequest(request: { readonly headers: { readonly authorization?: string } }): Promise<AuthenticationResult> {
    const known = this.perRequest.get(request);
    if (known !== undefined) return known;
    const result = this.authenticate(request.headers.authorization);
    this.perRequest.set(request, result);
    return result;
  }

  async authenticate(authorization: string | undefined): Promise<AuthenticationResult> {
    try {
      return { ok: true, principal: await this.principalFor(authorization) };
    } catch (error) {
      if (error instanceof LedgerError) return { ok: false, error };
      return { ok: false, error: new UnavailableError(undefined, undefined, error) };
    }
  }

  private principalFor(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '') throw new UnauthorizedError('no credentials');
    if (HMAC_SCHEME.test(authorization)) return this.hmac.authenticate(authorization);
    const bearer = BEARER.exec(authorization);
    if (bearer !== null) return this.jwt.verify(bearer[1]);
    throw new UnauthorizedError('unsupported authorization scheme');
  }
}
