import type { Filter } from '../read-store.port';

const INDEXED_FIELD = 'accountId';

/** The entries of one account; an entry points back at its bucket, so moving it needs no lookup. */
export interface AccountBucket<E> {
  readonly account: string;
  readonly entries: E[];
}

/**
 * Entries per top-level `accountId`, so an account's list query (the hot path of the API) touches
 * only that account's documents instead of scanning the whole collection. Buckets are plain arrays:
 * an account holds a few dozen documents, and an array is a fraction of a Set's memory.
 */
export class AccountIndex<E> {
  private readonly buckets = new Map<string, AccountBucket<E>>();

  /** The bucket a document belongs in (created when new), or undefined when it has no string accountId. */
  bucketFor(doc: Readonly<Record<string, unknown>>): AccountBucket<E> | undefined {
    const account = doc[INDEXED_FIELD];
    if (typeof account !== 'string') return undefined;
    let bucket = this.buckets.get(account);
    if (!bucket) this.buckets.set(account, (bucket = { account, entries: [] }));
    return bucket;
  }

  remove(bucket: AccountBucket<E> | undefined, entry: E): void {
    if (!bucket) return;
    const at = bucket.entries.indexOf(entry);
    if (at >= 0) bucket.entries.splice(at, 1);
    if (bucket.entries.length === 0 && this.buckets.get(bucket.account) === bucket) this.buckets.delete(bucket.account);
  }

  clear(): void {
    this.buckets.clear();
  }

  /** Entries that can match, or undefined when the filter does not pin accountId to strings. */
  candidates(filter: Filter): readonly E[] | undefined {
    const accounts = pinnedStrings(filter[INDEXED_FIELD]);
    if (!accounts) return undefined;
    if (accounts.length === 1) return this.buckets.get(accounts[0])?.entries ?? [];
    return [...new Set(accounts)].flatMap((account) => this.buckets.get(account)?.entries ?? []);
  }
}

/** The strings a validated top-level condition restricts a field to (`x`, `{$eq: x}`, `{$in: [...]}`). */
export function pinnedStrings(condition: unknown): string[] | undefined {
  if (typeof condition === 'string') return [condition];
  if (typeof condition !== 'object' || condition === null) return undefined;
  const operators = condition as { $eq?: unknown; $in?: unknown };
  if (typeof operators.$eq === 'string') return [operators.$eq];
  if (Array.isArray(operators.$in) && operators.$in.every((value) => typeof value === 'string')) return operators.$in as string[];
  return undefined;
}
