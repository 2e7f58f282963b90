import type { Filter, FindOptions, PositionedDocument, Projected, Projection, ReadCollection, ReadDocument, UpsertResult } from '../read-store.port';
import { cloneDocument } from '../document/clone-document';
import { prepareUpsertBatch } from '../document/upsert-batch';
import { compileFilter } from '../query/compile-filter';
import { compileFindOptions } from '../query/find-options';
import { matchesFilter } from '../query/match-filter';
import { applyProjection } from '../query/projection';
import { sortComparator } from '../query/sort';
import { AccountIndex, pinnedStrings } from './account-index';

type StoredDoc = Record<string, unknown>;

interface Entry {
  readonly doc: StoredDoc;
  readonly position: string;
}

export class MemoryCollection<T extends ReadDocument> implements ReadCollection<T> {
  private readonly entries = new Map<string, Entry>();
  private readonly accounts = new AccountIndex();

  constructor(private readonly assertOpen: () => void) {}

  async upsertMany(items: readonly PositionedDocument<T>[]): Promise<UpsertResult> {
    this.assertOpen();
    let written = 0;
    for (const { id, doc, position } of prepareUpsertBatch(items)) {
      const stored = this.entries.get(id);
      if (stored && stored.position >= position) continue;
      if (stored) this.accounts.remove(id, stored.doc);
      this.entries.set(id, { doc, position });
      this.accounts.add(id, doc);
      written++;
    }
    return { written, skipped: items.length - written };
  }

  async get(id: string): Promise<T | undefined> {
    this.assertOpen();
    const entry = this.entries.get(id);
    return entry && (cloneDocument(entry.doc) as unknown as T);
  }

  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  find(filter: Filter, options: FindOptions & { readonly projection: Projection }): Promise<Projected<T>[]>;
  async find(filter: Filter, options?: FindOptions & { readonly projection?: Projection }): Promise<T[] | Projected<T>[]> {
    this.assertOpen();
    const { sort, skip, limit, projection } = compileFindOptions(options);
    const byKeys = sortComparator(sort);
    const page = this.matching(filter)
      .sort((a, b) => byKeys(a.doc, b.doc))
      .slice(skip, limit === undefined ? undefined : skip + limit)
      .map((entry) => cloneDocument(entry.doc));
    return (projection ? page.map((doc) => applyProjection(doc, projection)) : page) as unknown as T[];
  }

  async count(filter: Filter): Promise<number> {
    this.assertOpen();
    return this.matching(filter).length;
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.assertOpen();
    const doomed = this.matching(filter);
    for (const { doc } of doomed) {
      this.entries.delete(doc._id as string);
      this.accounts.remove(doc._id as string, doc);
    }
    return doomed.length;
  }

  async drop(): Promise<void> {
    this.assertOpen();
    this.entries.clear();
    this.accounts.clear();
  }

  private matching(filter: Filter): Entry[] {
    const compiled = compileFilter(filter);
    const matches: Entry[] = [];
    for (const entry of this.candidates(filter)) {
      if (matchesFilter(entry.doc, compiled)) matches.push(entry);
    }
    return matches;
  }

  /** Narrows by `_id` or `accountId` equality when the filter pins one; the filter is applied after. */
  private candidates(filter: Filter): Iterable<Entry> {
    const ids = pinnedStrings(filter._id) ?? this.accounts.candidates(filter);
    if (!ids) return this.entries.values();
    const entries: Entry[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) entries.push(entry);
    }
    return entries;
  }
}
