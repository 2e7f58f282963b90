import { anyEntryOf, sizeOf, withEntry, withoutEntry, type Bucket } from './index-bucket';
import type { KeyPin } from './key-pin';

/** Buckets that hold every candidate for a filter, and how many entries they hold. */
export interface Narrowed<E extends object> {
  readonly size: number;
  readonly buckets: readonly Bucket<E>[];
}

/**
 * Entries by the string value of one top-level field, so a query pinning that field touches only
 * its candidates instead of decoding the whole collection. Entries whose field is missing or not
 * a string are not filed: no pinned filter can match them (see KeyPin).
 */
export class FieldIndex<E extends object> {
  private readonly buckets = new Map<string, Bucket<E>>();

  /** `keyOf` reads back the key an entry was filed under (the entry remembers it, not the index). */
  constructor(
    readonly field: string,
    private readonly keyOf: (entry: E) => string | undefined,
  ) {}

  /**
   * Files the entry and returns the key string it should remember: the one already filed for an
   * equal key, so a thousand documents of one account keep one copy of the accountId.
   */
  add(entry: E, key: string): string {
    const bucket = this.buckets.get(key);
    const shared = bucket === undefined ? key : (this.keyOf(anyEntryOf(bucket)) ?? key);
    const grown = withEntry(bucket, entry);
    if (grown !== bucket) this.buckets.set(shared, grown);
    return shared;
  }

  remove(entry: E, key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return;
    const rest = withoutEntry(bucket, entry);
    if (rest === undefined) this.buckets.delete(key);
    else if (rest !== bucket) this.buckets.set(key, rest);
  }

  clear(): void {
    this.buckets.clear();
  }

  /** The buckets of the keys the pin accepts: the listed ones, or for a range a pass over the keys (never the documents). */
  narrow(pin: KeyPin): Narrowed<E> {
    const buckets: Bucket<E>[] = [];
    let size = 0;
    const keep = (bucket: Bucket<E> | undefined): void => {
      if (bucket === undefined) return;
      buckets.push(bucket);
      size += sizeOf(bucket);
    };
    if (pin.listed) pin.listed.forEach((key) => keep(this.buckets.get(key)));
    else for (const [key, bucket] of this.buckets) if (pin.accepts(key)) keep(bucket);
    return { size, buckets };
  }
}
