/**
 * The entries of one index key. A key held by one entry (a commandId, almost always) is the entry
 * itself: no array or object per key. A few entries (an account's documents) share a plain array,
 * a fraction of a Set's memory; a crowded key (the plans due at one instant) becomes a Set, so
 * moving one entry out of it costs O(1) instead of an O(n) search.
 */
export type Bucket<E extends object> = E | E[] | Set<E>;

/** Above this many entries an array's linear search on removal outweighs a Set's threefold memory per entry. */
const ARRAY_LIMIT = 256;

/** The bucket with `entry` added (the same array or Set when it was one). */
export function withEntry<E extends object>(bucket: Bucket<E> | undefined, entry: E): Bucket<E> {
  if (bucket === undefined) return entry;
  if (bucket instanceof Set) return bucket.add(entry);
  if (!Array.isArray(bucket)) return [bucket, entry];
  if (bucket.length < ARRAY_LIMIT) {
    bucket.push(entry);
    return bucket;
  }
  return new Set(bucket).add(entry);
}

/** The bucket without `entry`, or undefined when nothing is left in it. */
export function withoutEntry<E extends object>(bucket: Bucket<E>, entry: E): Bucket<E> | undefined {
  if (bucket instanceof Set) {
    bucket.delete(entry);
    return bucket.size === 0 ? undefined : bucket;
  }
  if (!Array.isArray(bucket)) return bucket === entry ? undefined : bucket;
  const at = bucket.indexOf(entry);
  if (at >= 0) bucket.splice(at, 1);
  if (bucket.length > 1) return bucket;
  return bucket.length === 1 ? bucket[0] : undefined;
}

export function sizeOf<E extends object>(bucket: Bucket<E>): number {
  if (bucket instanceof Set) return bucket.size;
  return Array.isArray(bucket) ? bucket.length : 1;
}

/** Any one entry of the bucket (a bucket is never empty). */
export function anyEntryOf<E extends object>(bucket: Bucket<E>): E {
  if (bucket instanceof Set) return bucket.values().next().value as E;
  return Array.isArray(bucket) ? bucket[0] : bucket;
}

export function* entriesOf<E extends object>(buckets: Iterable<Bucket<E>>): Generator<E> {
  for (const bucket of buckets) {
    if (bucket instanceof Set || Array.isArray(bucket)) yield* bucket;
    else yield bucket;
  }
}
