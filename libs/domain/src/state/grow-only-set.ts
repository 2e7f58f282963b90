/** What the folded state needs of a set of ids: membership and a new set with one more id. */
export interface IdSet {
  has(id: string): boolean;
  add(id: string): IdSet;
  readonly size: number;
}

/** V8 refuses a Map beyond 2^24 entries; an account with more ids spills into further segments. */
const SEGMENT_ENTRIES = 1 << 23;

/** Ids in insertion order, each with its ordinal; one table may back many GrowOnlySet views. */
interface Shared {
  readonly segments: Map<string, number>[];
  readonly segmentEntries: number;
  size: number;
}

const append = (shared: Shared, id: string): void => {
  let last = shared.segments[shared.segments.length - 1];
  if (last.size >= shared.segmentEntries) shared.segments.push((last = new Map()));
  last.set(id, shared.size);
  shared.size += 1;
};

/**
 * A persistent set for ids that are only ever added (commandIds, usageIds), at about a third of an
 * `immutable` Set's memory per id (design.md "Idempotency indexes in memory").
 *
 * Every view is a prefix of one shared, insertion-ordered table: an id belongs to a view when its
 * ordinal is below the view's size. Adding to the newest view appends in place, which no older
 * view can observe; adding to an older view copies its prefix first, so views stay immutable.
 * Folding a stream only ever adds to the newest state, so the copy is the rare path.
 */
export class GrowOnlySet implements IdSet {
  private constructor(
    private readonly shared: Shared,
    readonly size: number,
  ) {}

  static empty(segmentEntries = SEGMENT_ENTRIES): GrowOnlySet {
    return new GrowOnlySet({ segments: [new Map()], segmentEntries, size: 0 }, 0);
  }

  has(id: string): boolean {
    for (const segment of this.shared.segments) {
      const ordinal = segment.get(id);
      if (ordinal !== undefined) return ordinal < this.size;
    }
    return false;
  }

  add(id: string): GrowOnlySet {
    if (this.has(id)) return this;
    const shared = this.shared.size === this.size ? this.shared : this.copyOfPrefix();
    append(shared, id);
    return new GrowOnlySet(shared, shared.size);
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (const segment of this.shared.segments) {
      for (const [id, ordinal] of segment) {
        if (ordinal >= this.size) return;
        yield id;
      }
    }
  }

  private copyOfPrefix(): Shared {
    const copy = GrowOnlySet.empty(this.shared.segmentEntries).shared;
    for (const id of this) append(copy, id);
    return copy;
  }
}
