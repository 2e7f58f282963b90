import { PORTAL_SESSION_TTL_MS } from './portal-sessions';

export const PORTAL_COOKIE = 'ledger_portal';

/** Scoped to /portal so the customer API never receives it. */
export const sessionCookie = (sessionId: string, secure: boolean): string =>
  [`${PORTAL_COOKIE}=${sessionId}`, 'Path=/portal', `Max-Age=${PORTAL_SESSION_TTL_MS / 1000}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');

/** The portal session id from a Cookie header; ids are base64url, anything else is ignored. */
export const sessionIdFromCookieHeader = (header: string | undefined): string | undefined => {
  for (const pair of (header ?? '').split(';')) {
    const [name, value] = pair.trim().split('=', 2);
    if (name === PORTAL_COOKIE && value !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(value)) return value;
  }
  return undefined;
};
