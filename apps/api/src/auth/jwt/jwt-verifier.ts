import { UnauthorizedError } from '@ledger/errors';
import { type CryptoKey, type JWTPayload, importSPKI, jwtVerify } from 'jose';
import type { JwtConfig } from '../../config/platform-config';
import { type AuthClock, type Principal, isRole } from '../principal';

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 8192;
/** Issuers' clocks drift a little; more would stretch every token's lifetime. */
const CLOCK_TOLERANCE_SECONDS = 5;

const keyFor = (config: JwtConfig): Promise<CryptoKey | Uint8Array> =>
  config.algorithm === 'HS256' ? Promise.resolve(new TextEncoder().encode(config.secret)) : importSPKI(config.publicKeyPem, 'RS256');

const principalFrom = (payload: JWTPayload): Principal => {
  const { sub, role, jti } = payload;
  if (typeof sub !== 'string' || sub === '' || sub.length > 128) throw new UnauthorizedError('jwt: sub missing or malformed');
  if (!isRole(role)) throw new UnauthorizedError('jwt: role missing or unknown');
  const credentialId = `jwt:${typeof jti === 'string' && jti !== '' ? jti.slice(0, 128) : sub}`;
  return { accountId: sub, role, credentialId, via: 'jwt' };
};

/**
 * Verifies Bearer tokens with exactly one algorithm per deployment (no HS/RS confusion, no `none`),
 * `exp` required, `nbf` honoured, `iss`/`aud` when configured, against the real clock.
 */
export class JwtVerifier {
  private readonly key: Promise<CryptoKey | Uint8Array>;

  constructor(
    private readonly config: JwtConfig,
    private readonly clock: AuthClock,
  ) {
    this.key = keyFor(config);
    // Config validation already proved the key readable; a failure still surfaces on first verify.
    this.key.catch(() => undefined);
  }

  async verify(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw new UnauthorizedError('jwt: not a compact JWS');
    const { payload } = await jwtVerify(token, await this.key, {
      algorithms: [this.config.algorithm],
      issuer: this.config.issuer,
      audience: this.config.audience === undefined ? undefined : [...this.config.audience],
      requiredClaims: ['exp'],
      currentDate: this.clock(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }).catch((error: unknown) => {
      throw new UnauthorizedError(`jwt: ${error instanceof Error ? error.message : 'verification failed'}`);
    });
    return principalFrom(payload);
  }
}
