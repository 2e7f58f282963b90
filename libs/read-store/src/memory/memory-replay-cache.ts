import { isClaimExpired } from '../replay-claim';

const SWEEP_EVERY_CLAIMS = 1024;

/** In-process replay cache; expired claims are swept now and then so memory stays bounded. */
export class MemoryReplayCache {
  private readonly expiryByKey = new Map<string, Date>();
  private claimsSinceSweep = 0;

  claim(key: string, expiresAt: Date, now: Date): boolean {
    if (++this.claimsSinceSweep >= SWEEP_EVERY_CLAIMS) this.sweep(now);
    const held = this.expiryByKey.get(key);
    if (held && !isClaimExpired(held, now)) return false;
    this.expiryByKey.set(key, new Date(expiresAt.getTime()));
    return true;
  }

  private sweep(now: Date): void {
    this.claimsSinceSweep = 0;
    for (const [key, expiresAt] of this.expiryByKey) {
      if (isClaimExpired(expiresAt, now)) this.expiryByKey.delete(key);
    }
  }
}
