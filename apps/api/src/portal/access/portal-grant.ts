import { ForbiddenError, UnauthorizedError } from '@ledger/errors';

/** What a portal link hands to the session it opens: whose portal, opened by whom, back to where. */
export interface PortalGrant {
  readonly accountId: string;
  /** The credential that asked for the link; commands from the portal are issued by it (USER). */
  readonly principalId: string;
  readonly returnUrl: string;
}

export interface PortalSession extends PortalGrant {
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export type PortalLinkRefusal = 'unknown' | 'expired' | 'used';

/** Opening a portal link failed; the page says why without revealing anything else. */
export class PortalLinkRefusedError extends Error {
  constructor(readonly reason: PortalLinkRefusal) {
    super(`portal link refused: ${reason}`);
    this.name = 'PortalLinkRefusedError';
  }
}

/** No (or an expired) session cookie: 401 (an HTML page on portal pages, the JSON body elsewhere). */
export class PortalSessionMissingError extends UnauthorizedError {
  constructor() {
    super('portal session missing or expired');
  }
}

/** A state-changing request whose CSRF token does not match the session's: 403. */
export class PortalCsrfRejectedError extends ForbiddenError {
  constructor() {
    super('보안 토큰이 올바르지 않습니다.');
  }
}
