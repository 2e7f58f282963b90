import { UnauthorizedError } from '@ledger/errors';
import type { ApiKeyDirectory } from '../api-keys/api-key-directory.port';
import type { AuthClock, Principal } from '../principal';
import type { ReplayGuard } from '../replay/replay-guard.port';
import { parseHmacAuthorization } from './hmac-authorization.parser';
import { signatureMatches } from './hmac-signature';

export const HMAC_MAX_SKEW_MS = 15 * 60_000;
/** Keeps a salt a little past the skew window, for instances whose clocks differ slightly. */
const REPLAY_MARGIN_MS = 60_000;
/** Compared against when the key is unknown, so both paths cost one HMAC and one comparison. */
const DECOY_SECRET = 'decoy-secret-for-unknown-api-keys';

export class HmacAuthenticator {
  constructor(
    private readonly directory: ApiKeyDirectory,
    private readonly replayGuard: ReplayGuard,
    private readonly clock: AuthClock,
  ) {}

  /** Resolves the customer behind a signed request, or throws UnauthorizedError (with a log-only reason). */
  async authenticate(header: string): Promise<Principal> {
    const parsed = parseHmacAuthorization(header);
    if (!parsed.ok) throw new UnauthorizedError(`hmac: ${parsed.reason}`);
    const { apiKey, date, dateMs, salt, signature } = parsed.credentials;

    if (Math.abs(this.clock().getTime() - dateMs) > HMAC_MAX_SKEW_MS) throw new UnauthorizedError('hmac: date outside the 15-minute window');

    const key = await this.directory.resolve(apiKey);
    const valid = signatureMatches(key?.secret ?? DECOY_SECRET, date, salt, signature);
    if (key === undefined) throw new UnauthorizedError('hmac: unknown or revoked api key');
    if (!valid) throw new UnauthorizedError('hmac: signature mismatch');

    const firstUse = await this.replayGuard.claimOnce(`hmac:${apiKey}:${salt.toLowerCase()}`, new Date(dateMs + HMAC_MAX_SKEW_MS + REPLAY_MARGIN_MS));
    if (!firstUse) throw new UnauthorizedError('hmac: salt reused');

    return { accountId: key.accountId, role: 'customer', credentialId: apiKey, via: 'hmac' };
  }
}
