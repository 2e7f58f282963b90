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

function validate(doc: ReadDocument): void {
  if (typeof doc?._id !== 'string' || doc._id.length === 0) {
    throw new InvalidDocumentError('A read-store document needs a non-empty string _id');
  }
  if (POSITION_FIELD in doc) {
    throw new InvalidDocumentError(`Field ${POSITION_FIELD} is reserved for the read store (document ${doc._id})`);
  }
}

/**
 * Validates and copies a batch, keeping the newest item per `_id` (the first of equal positions),
 * so that an adapter applies at most one write per document and batch order never matters.
 */
export function prepareUpsertBatch<T extends ReadDocument>(items: readonly PositionedDocument<T>[]): PreparedUpsert[] {
  const newest = new Map<string, { item: PositionedDocument<T>; position: EncodedPosition }>();
  for (const item of items) {
    validate(item.doc);
    const position = encodePosition(item.position);
    const kept = newest.get(item.doc._id);
    if (!kept || kept.position < position) newest.set(item.doc._id, { item, position });
  }
  return [...newest.values()].map(({ item, position }) => ({
    id: item.doc._id,
    doc: cloneDocument(item.doc) as unknown as Record<string, unknown>,
    position,
  }));
}
