import { PORTAL_COOKIE, sessionCookie, sessionIdFromCookieHeader } from './portal-cookie';

describe('portal session cookie', () => {
  const id = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

  it('is HttpOnly, SameSite=Lax, 60 minutes, scoped to /portal, Secure only over https', () => {
    expect(sessionCookie(id, false)).toBe(`${PORTAL_COOKIE}=${id}; Path=/portal; Max-Age=3600; HttpOnly; SameSite=Lax`);
    expect(sessionCookie(id, true)).toMatch(/; Secure$/);
  });

  it('is read back from a Cookie header among others', () => {
    expect(sessionIdFromCookieHeader(`theme=dark; ${PORTAL_COOKIE}=${id}; lang=ko`)).toBe(id);
  });

  it.each([undefined, '', 'theme=dark', `${PORTAL_COOKIE}=`, `${PORTAL_COOKIE}=short`, `${PORTAL_COOKIE}=${id}<script>`])('ignores %p', (header) => {
    expect(sessionIdFromCookieHeader(header)).toBeUndefined();
  });
});
