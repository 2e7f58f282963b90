export const REPLAY_GUARD = Symbol('REPLAY_GUARD');

/**
 * Remembers one-time values (HMAC salts) until they expire. With several api instances it must be
 * shared (the read store's TTL collection); the in-memory guard only protects one process.
 */
export interface ReplayGuard {
  /** true the first time `key` is claimed before `expiresAt`; false for every later claim. */
  claimOnce(key: string, expiresAt: Date): Promise<boolean>;
}
