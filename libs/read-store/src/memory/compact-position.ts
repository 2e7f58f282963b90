import { encodePosition, type EncodedPosition } from '../position';

/**
 * A document's position as the in-memory store keeps it for its guard: a number when commit and
 * prepare are the same safe integer (every SQLite position), else the encoded string. The encoded
 * form is 41 characters: kept for each of the 5.2 M documents of B5's 100,000 accounts it was ≈ 56 bytes
 * and one more heap object per document for every full garbage collection to walk; a number below
 * 2^30 is no object at all (bench/README, "Fixes of 2026-12-07").
 */
export type CompactPosition = number | EncodedPosition;

const PART = 20;

export function compactPosition(encoded: EncodedPosition): CompactPosition {
  if (encoded.length !== 2 * PART + 1) return encoded;
  const commit = encoded.slice(0, PART);
  if (!encoded.endsWith(commit)) return encoded;
  const value = Number(commit);
  return Number.isSafeInteger(value) ? value : encoded;
}

/** The guard's order: true when `position` is at or after `other` (the same order as the encoded strings'). */
export function isAtOrAfter(position: CompactPosition, other: CompactPosition): boolean {
  if (typeof position === 'number' && typeof other === 'number') return position >= other;
  return encoded(position) >= encoded(other);
}

const encoded = (position: CompactPosition): EncodedPosition =>
  typeof position === 'string' ? position : encodePosition({ commit: BigInt(position), prepare: BigInt(position) });
