import { FieldIndex, type Narrowed } from './field-index';
import type { KeyPin } from './key-pin';

/**
 * The keys an entry is filed under, one per index, as fields of the entry: an array per entry cost
 * ≈ 110 bytes and two heap objects for each command outcome (the one collection with two indexes).
 */
export interface IndexedEntry {
  firstIndexKey: string | undefined;
  secondIndexKey: string | undefined;
  /** A third index's key and beyond (no planned collection has one). */
  laterIndexKeys: (string | undefined)[] | undefined;
}

/** The field indexes of one collection, kept in step with its entries. */
export class CollectionIndexes<E extends IndexedEntry> {
  private readonly indexes: readonly FieldIndex<E>[];

  constructor(fields: readonly string[]) {
    this.indexes = fields.map((field, at) => new FieldIndex<E>(field, (entry) => this.keyAt(entry, at)));
  }

  /** Files a new entry, or refiles a replaced one, under the string values of its document's fields. */
  place(entry: E, doc: Readonly<Record<string, unknown>>): void {
    this.indexes.forEach((index, at) => {
      const value = doc[index.field];
      const key = typeof value === 'string' ? value : undefined;
      const filed = this.keyAt(entry, at);
      if (filed === key) return;
      if (filed !== undefined) index.remove(entry, filed);
      this.setKeyAt(entry, at, key === undefined ? undefined : index.add(entry, key));
    });
  }

  remove(entry: E): void {
    this.indexes.forEach((index, at) => {
      const filed = this.keyAt(entry, at);
      if (filed !== undefined) index.remove(entry, filed);
      this.setKeyAt(entry, at, undefined);
    });
  }

  clear(): void {
    this.indexes.forEach((index) => index.clear());
  }

  /** The fewest candidates any index offers for the filter's pins, or undefined when it pins no indexed field. */
  narrowest(pins: ReadonlyMap<string, KeyPin>): Narrowed<E> | undefined {
    let best: Narrowed<E> | undefined;
    for (const index of this.indexes) {
      const pin = pins.get(index.field);
      const narrowed = pin && index.narrow(pin);
      if (narrowed && (!best || narrowed.size < best.size)) best = narrowed;
    }
    return best;
  }

  private keyAt(entry: E, at: number): string | undefined {
    if (at === 0) return entry.firstIndexKey;
    if (at === 1) return entry.secondIndexKey;
    return entry.laterIndexKeys?.[at - 2];
  }

  private setKeyAt(entry: E, at: number, key: string | undefined): void {
    if (at === 0) entry.firstIndexKey = key;
    else if (at === 1) entry.secondIndexKey = key;
    else (entry.laterIndexKeys ??= [])[at - 2] = key;
  }
}
