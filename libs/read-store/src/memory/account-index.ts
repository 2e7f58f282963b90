import type { Filter } from '../read-store.port';

const INDEXED_FIELD = 'accountId';

/**
 * Ids per top-level `accountId`, so an account's list query (the hot path of the API) touches only
 * that account's documents instead of scanning the whole collection.
 */
export class AccountIndex {
  private readonly idsByAccount = new Map<string, Set<string>>();

  add(id: string, doc: Record<string, unknown>): void {
    const account = doc[INDEXED_FIELD];
    if (typeof account !== 'string') return;
    let ids = this.idsByAccount.get(account);
    if (!ids) this.idsByAccount.set(account, (ids = new Set()));
    ids.add(id);
  }

  remove(id: string, doc: Record<string, unknown>): void {
    const account = doc[INDEXED_FIELD];
    if (typeof account !== 'string') return;
    const ids = this.idsByAccount.get(account);
    ids?.delete(id);
    if (ids?.size === 0) this.idsByAccount.delete(account);
  }

  clear(): void {
    this.idsByAccount.clear();
  }

  /** Ids that can match, or undefined when the filter does not pin accountId to strings. */
  candidates(filter: Filter): Iterable<string> | undefined {
    const accounts = pinnedStrings(filter[INDEXED_FIELD]);
    if (!accounts) return undefined;
    if (accounts.length === 1) return this.idsByAccount.get(accounts[0]) ?? [];
    return new Set(accounts.flatMap((account) => [...(this.idsByAccount.get(account) ?? [])]));
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
