import type { Filter, FindOptions, Page, PositionedDocument, Projected, Projection, ReadCollection, ReadDocument, UpsertResult } from '../read-store.port';
import { cloneDocument } from '../document/clone-document';
import { newestPerId } from '../document/upsert-batch';
import { compileFindOptions, type CompiledFindOptions } from '../query/find-options';
import { matchesFilter } from '../query/match-filter';
import { applyProjection } from '../query/projection';
import { sortComparator } from '../query/sort';
import { compactPosition, isAtOrAfter, type CompactPosition } from './compact-position';
import { CollectionIndexes, type IndexedEntry } from './collection-indexes';
import type { FilterCache, PreparedFilter } from './filter-cache';
import { entriesOf } from './index-bucket';
import { exactJsonOf } from './stored-document';
import { TextArena, type ArenaSlot } from './text-arena';

type StoredDoc = Record<string, unknown>;

/** One stored document, updated in place (the field indexes point at it): JSON text in the arena, or a frozen copy. */
class Entry implements ArenaSlot, IndexedEntry {
  chunk = 0;
  offset = 0;
  length = 0;
  /** Set when JSON cannot hold the document exactly (Dates, -0, NaN); the arena slot is unused then. */
  object: Readonly<StoredDoc> | undefined = undefined;
  firstIndexKey: string | undefined = undefined;
  secondIndexKey: string | undefined = undefined;
  laterIndexKeys: (string | undefined)[] | undefined = undefined;

  constructor(
    readonly id: string,
    public position: CompactPosition,
  ) {}
}

interface Match {
  readonly entry: Entry;
  /** Decoded for the filter: a private copy, or undefined when the filter needed none. */
  readonly doc: StoredDoc | undefined;
}

export class MemoryCollection<T extends ReadDocument> implements ReadCollection<T> {
  private readonly entries = new Map<string, Entry>();
  private readonly indexes: CollectionIndexes<Entry>;
  private readonly arena = new TextArena();

  /** `indexedFields`: top-level fields whose string values are indexed for equality and range pins. */
  constructor(
    private readonly assertOpen: () => void,
    private readonly filters: FilterCache,
    indexedFields: readonly string[],
  ) {
    this.indexes = new CollectionIndexes(indexedFields);
  }

  async upsertMany(items: readonly PositionedDocument<T>[]): Promise<UpsertResult> {
    this.assertOpen();
    let written = 0;
    for (const [id, { doc, position: encoded }] of newestPerId(items)) {
      let entry = this.entries.get(id);
      const position = compactPosition(encoded);
      if (entry && isAtOrAfter(entry.position, position)) continue;
      const json = exactJsonOf(doc);
      const object = json === undefined ? Object.freeze(cloneDocument(doc) as unknown as StoredDoc) : undefined;
      if (!entry) {
        this.entries.set(id, (entry = new Entry(id, position)));
      } else {
        this.forget(entry);
        entry.position = position;
      }
      this.indexes.place(entry, doc as unknown as StoredDoc);
      entry.object = object;
      if (json !== undefined) this.arena.write(entry, json);
      written++;
    }
    this.compactIfWasteful();
    return { written, skipped: items.length - written };
  }

  async get(id: string): Promise<T | undefined> {
    this.assertOpen();
    const entry = this.entries.get(id);
    return entry && (this.decode(entry) as unknown as T);
  }

  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  find(filter: Filter, options: FindOptions & { readonly projection: Projection }): Promise<Projected<T>[]>;
  async find(filter: Filter, options?: FindOptions & { readonly projection?: Projection }): Promise<T[] | Projected<T>[]> {
    this.assertOpen();
    const { projection, ...paging } = compileFindOptions(options);
    const page = this.pageOf(this.matching(filter, true), paging);
    return (projection ? page.map((doc) => applyProjection(doc, projection)) : page) as unknown as T[];
  }

  async count(filter: Filter): Promise<number> {
    this.assertOpen();
    return this.matching(filter, false).length;
  }

  async page(filter: Filter, options: FindOptions): Promise<Page<T>> {
    this.assertOpen();
    const matches = this.matching(filter, true);
    return { documents: this.pageOf(matches, compileFindOptions(options)) as unknown as T[], total: matches.length };
  }

  private pageOf(matches: readonly Match[], { sort, skip, limit }: Pick<CompiledFindOptions, 'sort' | 'skip' | 'limit'>): StoredDoc[] {
    return matches
      .map(({ doc }) => doc as StoredDoc)
      .sort(sortComparator(sort))
      .slice(skip, limit === undefined ? undefined : skip + limit);
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.assertOpen();
    const doomed = this.matching(filter, false);
    for (const { entry } of doomed) {
      this.entries.delete(entry.id);
      this.indexes.remove(entry);
      this.forget(entry);
    }
    this.compactIfWasteful();
    return doomed.length;
  }

  async drop(): Promise<void> {
    this.assertOpen();
    this.entries.clear();
    this.indexes.clear();
    this.arena.clear();
  }

  /** A fresh copy the caller may change freely. */
  private decode(entry: Entry): StoredDoc {
    return entry.object ? cloneDocument(entry.object as StoredDoc) : (JSON.parse(this.arena.read(entry)) as StoredDoc);
  }

  private forget(entry: Entry): void {
    if (!entry.object) this.arena.release(entry);
  }

  private compactIfWasteful(): void {
    if (!this.arena.wasteful) return;
    const inArena = [...this.entries.values()].filter((entry) => !entry.object);
    this.arena.compact(inArena);
  }

  /** Matching entries, each decoded when `decode` asks for it or the filter needs to look inside. */
  private matching(filter: Filter, decode: boolean): Match[] {
    const prepared = this.filters.get(filter);
    const matches: Match[] = [];
    for (const entry of this.candidates(prepared)) {
      if (prepared.matchesAll && !decode) {
        matches.push({ entry, doc: undefined });
      } else if (this.mayMatch(entry, prepared)) {
        const doc = this.decode(entry);
        if (matchesFilter(doc, prepared.compiled)) matches.push({ entry, doc });
      }
    }
    return matches;
  }

  /** A cheap reject before decoding: a JSON text lacking a required string literal cannot match. */
  private mayMatch(entry: Entry, prepared: PreparedFilter): boolean {
    return entry.object !== undefined || prepared.needles.every((needle) => this.arena.includes(entry, needle));
  }

  /** The fewest entries that can match: by `_id` or an indexed field the filter pins, else all. The filter is applied after. */
  private candidates(prepared: PreparedFilter): Iterable<Entry> {
    const ids = prepared.pins.get('_id')?.listed;
    const byIndex = this.indexes.narrowest(prepared.pins);
    if (byIndex && (!ids || byIndex.size < ids.length)) return entriesOf(byIndex.buckets);
    if (!ids) return this.entries.values();
    const entries: Entry[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) entries.push(entry);
    }
    return entries;
  }
}
