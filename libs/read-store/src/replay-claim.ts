/** Rules shared by every adapter's claimOnce: a claim is held while now < expiresAt. */
export function assertClaimable(key: string, expiresAt: Date, now: Date): void {
  if (typeof key !== 'string' || key.length === 0) throw new RangeError('A replay-cache key is a non-empty string');
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) throw new RangeError('expiresAt must be a valid Date');
  // A claim that is already expired would let a concurrent claimant take it over at once.
  if (expiresAt.getTime() <= now.getTime()) {
    throw new RangeError(`expiresAt ${expiresAt.toISOString()} is not after now ${now.toISOString()}`);
  }
}

export const isClaimExpired = (expiresAt: Date, now: Date): boolean => expiresAt.getTime() <= now.getTime();

export const systemClock = (): Date => new Date();
