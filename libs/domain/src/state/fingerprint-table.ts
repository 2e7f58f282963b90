import { FINGERPRINT_BYTES, digestWord } from './id-fingerprint';

/** A fingerprint as four 32-bit words (little-endian reads of its 16 bytes). */
const WORDS = FINGERPRINT_BYTES / 4;
/** Bounds one set: 2 GiB of fingerprints and 1 GiB of slots, and the collision odds stated in id-fingerprint.ts. */
export const MAX_IDS = 2 ** 27;
const FIRST_IDS = 2;
const FIRST_SLOTS = 4;
const NOTHING = new Uint32Array(0);

const fitsLoad = (ids: number, slots: number): boolean => ids * 4 <= slots * 3;

const slotsFor = (ids: number): number => {
  let slots = FIRST_SLOTS;
  while (!fitsLoad(ids, slots)) slots *= 2;
  return slots;
};

/**
 * Fingerprints in insertion order, off the V8 heap: a dense arena of 16 bytes per id (grown by
 * doubling) and an open-addressing table of ordinals (linear probing, 0 = empty, else ordinal + 1,
 * load ≤ 0.75, indexed by the fingerprint's first word). Arrays are allocated on the first id and
 * start small: most accounts hold few ids. Only appends: one table backs many GrowOnlySet views.
 */
export class FingerprintTable {
  private arena: Uint32Array = NOTHING;
  private slots: Uint32Array = NOTHING;
  size = 0;

  /** The ordinal of a digest's fingerprint, or -1. */
  ordinalOf(digest: string): number {
    if (this.size === 0) return -1;
    const w0 = digestWord(digest, 0);
    const w1 = digestWord(digest, 4);
    const w2 = digestWord(digest, 8);
    const w3 = digestWord(digest, 12);
    const { arena, slots } = this;
    const mask = slots.length - 1;
    for (let slot = w0 & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[slot];
      if (stored === 0) return -1;
      const at = (stored - 1) * WORDS;
      if (arena[at] === w0 && arena[at + 1] === w1 && arena[at + 2] === w2 && arena[at + 3] === w3) return stored - 1;
    }
  }

  /** Appends a fingerprint the table does not hold (the caller checked). */
  append(digest: string): void {
    if (this.size >= MAX_IDS) throw new RangeError(`An idempotency index holds at most ${MAX_IDS} ids`);
    const ordinal = this.size;
    if (this.arena.length < (ordinal + 1) * WORDS) this.arena = this.grownArena(Math.max(FIRST_IDS, 2 * ordinal));
    for (let word = 0; word < WORDS; word++) this.arena[ordinal * WORDS + word] = digestWord(digest, word * 4);
    this.size = ordinal + 1;
    if (fitsLoad(this.size, this.slots.length)) this.place(ordinal);
    else this.rehash(this.slots.length === 0 ? FIRST_SLOTS : 2 * this.slots.length);
  }

  /** A new table with the first `size` fingerprints, room for one more: a fork of an older view. */
  copyOfPrefix(size: number): FingerprintTable {
    const copy = new FingerprintTable();
    if (size === 0) return copy;
    copy.arena = new Uint32Array(2 ** Math.ceil(Math.log2(size + 1)) * WORDS);
    copy.arena.set(this.arena.subarray(0, size * WORDS));
    copy.size = size;
    copy.rehash(slotsFor(size + 1));
    return copy;
  }

  /** The first `size` fingerprints as hex (the digest's bytes, whatever the platform's byte order), in insertion order. */
  *hexes(size: number): IterableIterator<string> {
    const bytes = Buffer.alloc(FINGERPRINT_BYTES);
    for (let ordinal = 0; ordinal < size; ordinal++) {
      for (let word = 0; word < WORDS; word++) bytes.writeUInt32LE(this.arena[ordinal * WORDS + word], word * 4);
      yield bytes.toString('hex');
    }
  }

  private grownArena(ids: number): Uint32Array {
    const grown = new Uint32Array(ids * WORDS);
    grown.set(this.arena);
    return grown;
  }

  private rehash(slotCount: number): void {
    this.slots = new Uint32Array(slotCount);
    for (let ordinal = 0; ordinal < this.size; ordinal++) this.place(ordinal);
  }

  private place(ordinal: number): void {
    const mask = this.slots.length - 1;
    let slot = this.arena[ordinal * WORDS] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = ordinal + 1;
  }
}
