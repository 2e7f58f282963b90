import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection } from 'mongodb';
import { POSITION_FIELD, type PreparedUpsert } from '../document/upsert-batch';
import type { EncodedPosition } from '../position';

export interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

interface PlannedWrite {
  readonly upsert: PreparedUpsert;
  /** The position stored when the batch was planned (always older than the upsert's); absent for a new id. */
  readonly stored: EncodedPosition | undefined;
}

const DUPLICATE_KEY = 11000;
const MAX_ROUNDS = 5;
/**
 * Ids per position read. mongo-java-server finds `_id $in` ids through the index, then matches each
 * found document against the whole list again: k ids that all exist cost k² comparisons. Measured
 * there (50,000 documents, all ids stored): 64–256 ids per read skipped a replay 2.5× as fast as 1,000.
 */
const READ_CHUNK = 128;

export interface GuardedUpsertOptions {
  /**
   * Skip the position read and insert every id at once, for batches whose ids are expected to be new
   * (see write-mode.ts). An id that exists after all fails with a duplicate key and goes through the
   * same re-plan as a conflict, so the guard is the same, only the number of round trips differs.
   */
  readonly insertFirst?: boolean;
}

export interface GuardedUpsertResult {
  readonly written: number;
  /** Ids of the batch found stored: by the position read, or as duplicates of an optimistic insert. */
  readonly existing: number;
}

/**
 * Position-guarded upsert of a batch: a read of the stored positions (in chunks), then one
 * unordered bulk write. Documents already at an equal or newer position are not sent (a replay
 * writes nothing); new ids are inserted; older ones are replaced by a compare-and-set on the position just read
 * (`{ _id, _position: <read> }`, answered from the guard index, see guard-index.ts), so a write
 * lands only on a document known to be older (or, through the upsert, on an id deleted meanwhile).
 *
 * A duplicate key is the expected answer when the stored document changed between read and write:
 * the compare-and-set upsert falls through to an insert of an existing `_id`, or a concurrent writer
 * inserted the id first. Such writes are re-planned from a fresh read: skipped if the store is now
 * at or past their position, retried otherwise. No multi-document transaction is involved.
 */
export async function guardedUpsert(
  collection: Collection<StoredDocument>,
  batch: readonly PreparedUpsert[],
  options: GuardedUpsertOptions = {},
): Promise<GuardedUpsertResult> {
  let pending = options.insertFirst ? batch.map((upsert) => ({ upsert, stored: undefined })) : await planWrites(collection, batch);
  let existing = options.insertFirst ? 0 : batch.length - pending.filter(({ stored }) => stored === undefined).length;
  let written = 0;
  for (let round = 1; pending.length > 0; round++) {
    const outcome = await writeRound(collection, pending);
    written += outcome.written;
    if (round === 1 && options.insertFirst) existing = outcome.conflicts.length;
    pending = outcome.conflicts.length === 0 ? [] : await planWrites(collection, outcome.conflicts);
    if (pending.length > 0 && round === MAX_ROUNDS) {
      throw new Error(
        `Read store ${collection.collectionName}: upsert of ${pending[0].upsert.id} keeps hitting a duplicate key; is another unique index in the way?`,
      );
    }
  }
  return { written, existing };
}

async function storedPositions(collection: Collection<StoredDocument>, ids: readonly string[]): Promise<Map<string, EncodedPosition>> {
  const positions = new Map<string, EncodedPosition>();
  for (let start = 0; start < ids.length; start += READ_CHUNK) {
    const chunk = ids.slice(start, start + READ_CHUNK);
    const stored = await collection.find({ _id: { $in: chunk } }, { projection: { [POSITION_FIELD]: 1 } }).toArray();
    for (const { _id, [POSITION_FIELD]: position } of stored) {
      // Only upsertMany writes these collections; a document without a position was put there by something else.
      if (typeof position !== 'string') throw new Error(`Read store ${collection.collectionName}: document ${_id} has no read-store position`);
      positions.set(_id, position);
    }
  }
  return positions;
}

async function planWrites(collection: Collection<StoredDocument>, upserts: readonly PreparedUpsert[]): Promise<PlannedWrite[]> {
  const positions = await storedPositions(collection, upserts.map((upsert) => upsert.id));
  return upserts
    .map((upsert) => ({ upsert, stored: positions.get(upsert.id) }))
    .filter(({ upsert, stored }) => stored === undefined || stored < upsert.position);
}

function operation({ upsert: { id, doc, position }, stored }: PlannedWrite): AnyBulkWriteOperation<StoredDocument> {
  // The upsert's document is a private deep copy, so it takes the two fields in place.
  const document = Object.assign(doc, { _id: id, [POSITION_FIELD]: position });
  if (stored === undefined) return { insertOne: { document } };
  // replaceOne rather than updateOne/$set: a newer version must also drop fields the older one had.
  return { replaceOne: { filter: { _id: id, [POSITION_FIELD]: stored }, replacement: document, upsert: true } };
}

/**
 * Every operation either writes its document (insert, compare-and-set match, or upsert) or fails, so
 * the count is operations minus failures: mongo-java-server counts a duplicate-key insert in
 * `insertedCount` of a partly failed batch.
 */
async function writeRound(collection: Collection<StoredDocument>, planned: readonly PlannedWrite[]): Promise<{ written: number; conflicts: PreparedUpsert[] }> {
  try {
    await collection.bulkWrite(planned.map(operation), { ordered: false });
    return { written: planned.length, conflicts: [] };
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || error.result.getWriteConcernError()) throw error;
    const writeErrors = [error.writeErrors].flat();
    if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
    return { written: planned.length - writeErrors.length, conflicts: writeErrors.map((writeError) => planned[writeError.index].upsert) };
  }
}
