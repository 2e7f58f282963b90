/**
 * Event positions as stored in the read store.
 *
 * Structurally identical to the event store's GlobalPosition ({commit, prepare} as bigint), so a
 * projector passes `event.position` straight through without this lib depending on the event store.
 * Stored as one string of two zero-padded 20-digit decimals ("commit/prepare"): 20 digits hold any
 * unsigned 64-bit value, so string order equals numeric order in both adapters (and in a Mongo
 * `$lt` filter), and a single field keeps the guard a single comparison.
 */
export interface ReadPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const DIGITS = 20;
const MAX_UINT64 = (1n << 64n) - 1n;

export type EncodedPosition = string;

function encodePart(value: bigint, name: string): string {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_UINT64) {
    throw new RangeError(`Position ${name} must be an unsigned 64-bit bigint, got ${String(value)}`);
  }
  return value.toString().padStart(DIGITS, '0');
}

/**
 * `join` builds one flat string: a template literal of padStart results is a tree of a dozen
 * concatenated-string objects, which the in-memory store would keep for every document it holds
 * (a third of its heap objects, all walked by every full garbage collection).
 */
export function encodePosition(position: ReadPosition): EncodedPosition {
  return [encodePart(position.commit, 'commit'), encodePart(position.prepare, 'prepare')].join('/');
}

export function decodePosition(encoded: EncodedPosition): ReadPosition {
  const match = /^(\d{20})\/(\d{20})$/.exec(encoded);
  if (!match) throw new Error(`Not an encoded read-store position: ${encoded}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
