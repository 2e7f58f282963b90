import { FingerprintTable } from './fingerprint-table';
import { digestOf } from './id-fingerprint';

/** What the folded state needs of a set of ids: membership and a new set with one more id. */
export interface IdSet {
  has(id: string): boolean;
  add(id: string): IdSet;
  readonly size: number;
}

/**
 * A persistent set for ids that are only ever added (commandIds, usageIds), keeping a 128-bit
 * fingerprint of each id off the V8 heap instead of the id (design.md "Idempotency indexes in
 * memory"; why 128 bits of SHA-256 are exact enough: id-fingerprint.ts). The ids themselves cannot
 * be listed, only their fingerprints.
 *
 * Every view is a prefix of one shared, insertion-ordered table: an id belongs to a view when its
 * ordinal is below the view's size. Adding to the newest view appends in place, which no older
 * view can observe; adding to an older view copies its prefix first, so views stay immutable.
 * Folding a stream only ever adds to the newest state, so the copy is the rare path.
 */
export class GrowOnlySet implements IdSet {
  private constructor(
    private readonly table: FingerprintTable,
    readonly size: number,
  ) {}

  /** A fresh table each time: a shared empty set would keep whatever is first appended to it. */
  static empty(): GrowOnlySet {
    return new GrowOnlySet(new FingerprintTable(), 0);
  }

  has(id: string): boolean {
    return this.holds(this.table.ordinalOf(digestOf(id)));
  }

  add(id: string): GrowOnlySet {
    const digest = digestOf(id);
    if (this.holds(this.table.ordinalOf(digest))) return this;
    // Not in this view; a newer view of the same table may hold it, and then the table is longer.
    const table = this.table.size === this.size ? this.table : this.table.copyOfPrefix(this.size);
    table.append(digest);
    return new GrowOnlySet(table, table.size);
  }

  /** The view's fingerprints as hex, in insertion order: for comparing folds, not for finding ids. */
  fingerprints(): IterableIterator<string> {
    return this.table.hexes(this.size);
  }

  private holds(ordinal: number): boolean {
    return ordinal >= 0 && ordinal < this.size;
  }
}
