import stableStringify from 'fast-json-stable-stringify';
import type { ReadDocument } from '@ledger/read-store';

export interface FieldDifference {
  readonly field: string;
  /** What the compared store holds now (the live read model). */
  readonly current: unknown;
  /** What a fresh replay gives (the expected value, or the rebuilt version). */
  readonly replayed: unknown;
}

export interface DocumentDifference {
  readonly collection: string;
  readonly id: string;
  /** missing: only the replay has it; unexpected: only the store has it; changed: both, fields differ. */
  readonly kind: 'missing' | 'unexpected' | 'changed';
  readonly fields: readonly FieldDifference[];
}

/** Fields whose change moves money; a diff report lists them first. */
export const AMOUNT_FIELDS: ReadonlySet<string> = new Set([
  'chargeAmount', 'refundAmount', 'subtotal', 'taxAmount', 'totalCharge', 'unitPrice', 'fromMonthlyPrice',
  'toMonthlyPrice', 'fromDailyRate', 'toDailyRate', 'baseFee', 'overageLines',
]);

const sameValue = (a: unknown, b: unknown): boolean => stableStringify(a ?? null) === stableStringify(b ?? null);

/** Top-level fields that differ between two versions of one document. */
export function diffFields(current: ReadDocument, replayed: ReadDocument): FieldDifference[] {
  const fields = [...new Set([...Object.keys(current), ...Object.keys(replayed)])].sort();
  const read = (doc: ReadDocument, field: string) => (doc as unknown as Record<string, unknown>)[field];
  return fields
    .filter((field) => !sameValue(read(current, field), read(replayed, field)))
    .map((field) => ({ field, current: read(current, field) ?? null, replayed: read(replayed, field) ?? null }));
}

/** Compares one collection's documents, by id; the result is ordered by id. */
export function diffCollection(
  collection: string,
  current: ReadonlyMap<string, ReadDocument>,
  replayed: ReadonlyMap<string, ReadDocument>,
): DocumentDifference[] {
  const ids = [...new Set([...current.keys(), ...replayed.keys()])].sort();
  const differences: DocumentDifference[] = [];
  for (const id of ids) {
    const stored = current.get(id);
    const fresh = replayed.get(id);
    if (!stored) differences.push({ collection, id, kind: 'missing', fields: [] });
    else if (!fresh) differences.push({ collection, id, kind: 'unexpected', fields: [] });
    else {
      const fields = diffFields(stored, fresh);
      if (fields.length > 0) differences.push({ collection, id, kind: 'changed', fields });
    }
  }
  return differences;
}

export const byId = <T extends ReadDocument>(documents: readonly T[]): Map<string, T> => new Map(documents.map((doc) => [doc._id, doc]));
