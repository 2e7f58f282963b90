import type { AuthClock } from '../principal';
import type { ReplayGuard } from './replay-guard.port';

const PRUNE_EVERY_CLAIMS = 1024;

/** Single-process replay guard. Only signed requests reach it, so its size follows real traffic. */
export class InMemoryReplayGuard implements ReplayGuard {
  private readonly expiries = new Map<string, number>();
  private claimsSincePrune = 0;

  constructor(private readonly clock: AuthClock) {}

  async claimOnce(key: string, expiresAt: Date): Promise<boolean> {
    const now = this.clock().getTime();
    this.pruneOccasionally(now);
    const existing = this.expiries.get(key);
    if (existing !== undefined && existing > now) return false;
    this.expiries.set(key, expiresAt.getTime());
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private pruneOccasionally(now: number): void {
    this.claimsSincePrune += 1;
    if (this.claimsSincePrune < PRUNE_EVERY_CLAIMS) return;
    this.claimsSincePrune = 0;
    for (const [key, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(key);
  }
}
