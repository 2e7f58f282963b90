import { createHash } from 'node:crypto';
import type { AuthClock } from '../principal';
import type { ReplayGuard } from './replay-guard.port';

/** Keys are forgotten a bucket at a time: at most this long after their expiry. */
export const REPLAY_BUCKET_MS = 60_000;

/**
 * 128 bits of SHA-256 as a 16-character one-byte string (32 bytes on the heap, whatever the salt's
 * length). A collision could only refuse a fresh request as a replay, never admit a replay, and
 * at 2^-128 per pair it does not happen in practice.
 */
const compactKey = (key: string): string => createHash('sha256').update(key).digest().toString('latin1', 0, 16);

/**
 * Single-process replay guard. Only signed requests reach it, so its size follows real traffic:
 * rate × (skew window + margin), about 50 bytes a key. Keys sit in one Set per expiry minute, and
 * a minute's Set is dropped whole once it has passed, so forgetting costs nothing per key.
 */
export class InMemoryReplayGuard implements ReplayGuard {
  private readonly buckets = new Map<number, Set<string>>();
  private sweptUpTo = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: AuthClock) {}

  async claimOnce(key: string, expiresAt: Date): Promise<boolean> {
    const now = this.clock().getTime();
    this.dropPassedBuckets(now);
    const compact = compactKey(key);
    for (const keys of this.buckets.values()) if (keys.has(compact)) return false;
    const bucket = Math.floor(expiresAt.getTime() / REPLAY_BUCKET_MS);
    if ((bucket + 1) * REPLAY_BUCKET_MS <= now) return true;
    const keys = this.buckets.get(bucket) ?? new Set<string>();
    this.buckets.set(bucket, keys.add(compact));
    return true;
  }

  get size(): number {
    let total = 0;
    for (const keys of this.buckets.values()) total += keys.size;
    return total;
  }

  /** A bucket holds expiries within its minute; it goes when that whole minute has passed. */
  private dropPassedBuckets(now: number): void {
    const current = Math.floor(now / REPLAY_BUCKET_MS);
    if (current <= this.sweptUpTo) return;
    this.sweptUpTo = current;
    for (const bucket of this.buckets.keys()) if ((bucket + 1) * REPLAY_BUCKET_MS <= now) this.buckets.delete(bucket);
  }
}
