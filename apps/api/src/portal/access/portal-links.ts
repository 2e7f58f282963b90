import { Inject, Injectable } from '@nestjs/common';
import type { ReadStore } from '@ledger/read-store';
import { READ_STORE } from '@ledger/runtime';
import { AUTH_CLOCK, type AuthClock } from '../../auth/principal';
import { type PortalGrant, PortalLinkRefusedError } from './portal-grant';
import { PORTAL_COLLECTIONS, hashSecret, newSecret, writePosition } from './portal-secrets';

export const PORTAL_LINK_TTL_MS = 5 * 60_000;

export interface PortalLinkDocument extends PortalGrant {
  /** sha256 of the token. */
  readonly _id: string;
  readonly expiresAt: string;
}

/**
 * Single-use portal links. The token is random and only its hash is stored; redeeming claims it in
 * the read store's replay cache (`claimOnce`), so two api instances cannot both open one link.
 * Expiry is judged by the real clock, never the billing test clock.
 */
@Injectable()
export class PortalLinks {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
  ) {}

  private get links() {
    return this.store.collection<PortalLinkDocument>(PORTAL_COLLECTIONS.links);
  }

  /** Returns the token (shown once, in the URL). */
  async issue(grant: PortalGrant): Promise<string> {
    const now = this.clock();
    const token = newSecret();
    await this.links.deleteMany({ expiresAt: { $lt: now.toISOString() } });
    const doc: PortalLinkDocument = { ...grant, _id: hashSecret(token), expiresAt: new Date(now.getTime() + PORTAL_LINK_TTL_MS).toISOString() };
    await this.links.upsertMany([{ doc, position: writePosition(now) }]);
    return token;
  }

  async redeem(token: string): Promise<PortalGrant> {
    const id = hashSecret(token);
    const link = await this.links.get(id);
    if (link === undefined) throw new PortalLinkRefusedError('unknown');
    const expiresAt = new Date(link.expiresAt);
    if (expiresAt.getTime() <= this.clock().getTime()) throw new PortalLinkRefusedError('expired');
    if (!(await this.store.claimOnce(`portal-link:${id}`, expiresAt))) throw new PortalLinkRefusedError('used');
    return { accountId: link.accountId, principalId: link.principalId, returnUrl: link.returnUrl };
  }
}
