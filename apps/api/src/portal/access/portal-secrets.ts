import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ReadPosition } from '@ledger/read-store';

/** 256 bits, URL-safe: portal link tokens, session ids, CSRF tokens. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Only hashes are stored, so a read-store dump does not hand out live links or sessions. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Portal documents are written once, not projected from events; the read store still wants a
 * position for its guarded upsert, so the issue time stands in for it.
 */
export const writePosition = (now: Date): ReadPosition => ({ commit: BigInt(now.getTime()), prepare: 0n });

/** Collections of the portal's own short-lived documents (not read models of the ledger). */
export const PORTAL_COLLECTIONS = { links: 'portalLinks', sessions: 'portalSessions' } as const;
