import { Inject, Injectable } from '@nestjs/common';
import type { ReadStore } from '@ledger/read-store';
import { READ_STORE } from '@ledger/runtime';
import { AUTH_CLOCK, type AuthClock } from '../../auth/principal';
import type { PortalGrant, PortalSession } from './portal-grant';
import { PORTAL_COLLECTIONS, hashSecret, newSecret, writePosition } from './portal-secrets';

export const PORTAL_SESSION_TTL_MS = 60 * 60_000;

interface PortalSessionDocument extends PortalSession {
  /** sha256 of the session id (the cookie value). */
  readonly _id: string;
}

/**
 * Server-side portal sessions: the cookie holds an opaque random id, the read store its hash with
 * the account, the return URL and the session's CSRF token (synchronizer pattern). Shared by every
 * api instance; 60 minutes from opening, by the real clock.
 */
@Injectable()
export class PortalSessions {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
  ) {}

  private get sessions() {
    return this.store.collection<PortalSessionDocument>(PORTAL_COLLECTIONS.sessions);
  }

  async start(grant: PortalGrant): Promise<{ sessionId: string; session: PortalSession }> {
    const now = this.clock();
    await this.sessions.deleteMany({ expiresAt: { $lt: now.toISOString() } });
    const sessionId = newSecret();
    const session: PortalSession = { ...grant, csrfToken: newSecret(), expiresAt: new Date(now.getTime() + PORTAL_SESSION_TTL_MS).toISOString() };
    await this.sessions.upsertMany([{ doc: { ...session, _id: hashSecret(sessionId) }, position: writePosition(now) }]);
    return { sessionId, session };
  }

  async find(sessionId: string): Promise<PortalSession | undefined> {
    const doc = await this.sessions.get(hashSecret(sessionId));
    if (doc === undefined || Date.parse(doc.expiresAt) <= this.clock().getTime()) return undefined;
    const { _id: _hash, ...session } = doc;
    return session;
  }
}
