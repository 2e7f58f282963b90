import type { PositionedDocument, ReadDocument } from '../read-store.port';
import { encodePosition, type EncodedPosition } from '../position';
import { InvalidDocumentError } from '../read-store.errors';
import { cloneDocument } from './clone-document';

/** Field holding the encoded position next to the document's own fields in stored form. */
export const POSITION_FIELD = '_position';

export interface PreparedUpsert {
  readonly id: string;
  /** A private deep copy, safe to keep. */
  readonly doc: Record<string, unknown>;
  readonly position: EncodedPosition;
}

/** The winning item for one `_id` of a batch, still the caller's object. */
export interface NewestUpsert<T extends ReadDocument> {
  readonly doc: T;
  readonly position: EncodedPosition;
}

function validate(doc: ReadDocument): void {
  if (typeof doc?._id !== 'string' || doc._id.length === 0) {
    throw new InvalidDocumentError('A read-store document needs a non-empty string _id');
  }
  if (POSITION_FIELD in doc) {
    throw new InvalidDocumentError(`Field ${POSITION_FIELD} is reserved for the read store (document ${doc._id})`);
  }
}

/**
 * Validates a batch and keeps the newest item per `_id` (the first of equal positions), so that an
 * adapter applies at most one write per document and batch order never matters.
 */
export function newestPerId<T extends ReadDocument>(items: readonly PositionedDocument<T>[]): Map<string, NewestUpsert<T>> {
  const newest = new Map<string, NewestUpsert<T>>();
  for (const item of items) {
    validate(item.doc);
    const position = encodePosition(item.position);
    const kept = newest.get(item.doc._id);
    if (!kept || kept.position < position) newest.set(item.doc._id, { doc: item.doc, position });
  }
  return newest;
}

/** newestPerId, each winner deep-copied (the form an adapter that keeps objects needs). */
export function prepareUpsertBatch<T extends ReadDocument>(items: readonly PositionedDocument<T>[]): PreparedUpsert[] {
  return [...newestPerId(items)].map(([id, { doc, position }]) => ({
    id,
    doc: cloneDocument(doc) as unknown as Record<string, unknown>,
    position,
  }));
}
