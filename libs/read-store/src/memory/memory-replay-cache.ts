import { createHash } from 'node:crypto';

/** Claims are filed by the minute they expire in, so a whole minute is forgotten at once. */
export const REPLAY_BUCKET_MS = 60_000;

/**
 * 128 bits of SHA-256 as a 16-character one-byte string: 32 bytes on the heap whatever the key's
 * length. A collision could only refuse a fresh request as a replay, never admit one (2^-128 a pair).
 */
const compactKey = (key: string): string => createHash('sha256').update(key).digest().toString('latin1', 0, 16);

/**
 * In-process replay cache (HMAC salts): one Map per expiry minute of compact key → exact expiry
 * (as milliseconds into that minute).
 * A claim is held exactly while now < expiresAt; a minute's Map is dropped whole once it has
 * passed, so memory follows rate × window and forgetting costs nothing per key (no sweep).
 */
export class MemoryReplayCache {
  private readonly buckets = new Map<number, Map<string, number>>();
  private droppedBefore = Number.NEGATIVE_INFINITY;

  claim(key: string, expiresAt: Date, now: Date): boolean {
    const nowMs = now.getTime();
    this.dropPassedMinutes(nowMs);
    const compact = compactKey(key);
    for (const [minute, claims] of this.buckets) {
      const heldFor = claims.get(compact);
      if (heldFor !== undefined && nowMs < minute * REPLAY_BUCKET_MS + heldFor) return false;
      claims.delete(compact);
    }
    const minute = Math.floor(expiresAt.getTime() / REPLAY_BUCKET_MS);
    const claims = this.buckets.get(minute) ?? new Map<string, number>();
    // The expiry as an offset into its minute: a small integer V8 stores unboxed (no heap number per key).
    this.buckets.set(minute, claims.set(compact, expiresAt.getTime() - minute * REPLAY_BUCKET_MS));
    return true;
  }

  /** Keys currently remembered (held or expired within a minute not yet dropped). */
  get size(): number {
    let total = 0;
    for (const claims of this.buckets.values()) total += claims.size;
    return total;
  }

  private dropPassedMinutes(nowMs: number): void {
    const current = Math.floor(nowMs / REPLAY_BUCKET_MS);
    if (current <= this.droppedBefore) return;
    this.droppedBefore = current;
    for (const minute of this.buckets.keys()) if ((minute + 1) * REPLAY_BUCKET_MS <= nowMs) this.buckets.delete(minute);
  }
}
