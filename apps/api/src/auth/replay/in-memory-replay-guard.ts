import { MemoryReplayCache, REPLAY_BUCKET_MS } from '@ledger/read-store';
import type { AuthClock } from '../principal';
import type { ReplayGuard } from './replay-guard.port';

export { REPLAY_BUCKET_MS };

/**
 * Single-process replay guard over the memory read store's replay cache (compact keys filed by
 * expiry minute). Only signed requests reach it, so its size follows real traffic: rate × window.
 */
export class InMemoryReplayGuard implements ReplayGuard {
  private readonly cache = new MemoryReplayCache();

  constructor(private readonly clock: AuthClock) {}

  async claimOnce(key: string, expiresAt: Date): Promise<boolean> {
    const now = this.clock();
    // Already expired: nothing to remember (the HMAC skew check refuses such dates before this).
    if (expiresAt.getTime() <= now.getTime()) return true;
    return this.cache.claim(key, expiresAt, now);
  }

  get size(): number {
    return this.cache.size;
  }
}
