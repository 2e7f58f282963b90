import { MongoBulkWriteError, type AnyBulkWriteOperation, type BulkWriteResult, type Collection } from 'mongodb';
import { POSITION_FIELD, type PreparedUpsert } from '../document/upsert-batch';

export interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

interface PlannedWrite {
  readonly upsert: PreparedUpsert;
  /** Whether a document with this _id was stored when the batch was planned. */
  readonly exists: boolean;
}

const DUPLICATE_KEY = 11000;
const MAX_ROUNDS = 5;
/** Bounds each `_id $in` read; mongo-java-server matches `$in` without an index, so long lists cost it quadratically. */
const READ_CHUNK = 1000;

const writtenBy = (result: BulkWriteResult): number => result.insertedCount + result.upsertedCount + result.matchedCount;

/**
 * Position-guarded upsert of a batch: one read of the stored positions, then one unordered bulk
 * write. Documents already at an equal or newer position are not sent (a replay writes nothing);
 * new ids are inserted; older ones are replaced by a replaceOne whose filter carries the guard.
 *
 * A duplicate key is the expected answer when the stored document moved on between read and write:
 * the guarded upsert falls through to an insert of an existing `_id`, or a concurrent writer inserted
 * the id first. Such writes are re-planned from a fresh read: skipped if the store is now at or past
 * their position, retried otherwise. No multi-document transaction is involved.
 */
export async function guardedUpsert(collection: Collection<StoredDocument>, batch: readonly PreparedUpsert[]): Promise<number> {
  let pending = await planWrites(collection, batch);
  let written = 0;
  for (let round = 1; pending.length > 0; round++) {
    const outcome = await writeRound(collection, pending);
    written += outcome.written;
    pending = outcome.conflicts.length === 0 ? [] : await planWrites(collection, outcome.conflicts);
    if (pending.length > 0 && round === MAX_ROUNDS) {
      throw new Error(
        `Read store ${collection.collectionName}: upsert of ${pending[0].upsert.id} keeps hitting a duplicate key; is another unique index in the way?`,
      );
    }
  }
  return written;
}

async function planWrites(collection: Collection<StoredDocument>, upserts: readonly PreparedUpsert[]): Promise<PlannedWrite[]> {
  const storedPositions = new Map<string, unknown>();
  for (let start = 0; start < upserts.length; start += READ_CHUNK) {
    const ids = upserts.slice(start, start + READ_CHUNK).map((upsert) => upsert.id);
    const stored = await collection.find({ _id: { $in: ids } }, { projection: { [POSITION_FIELD]: 1 } }).toArray();
    for (const doc of stored) storedPositions.set(doc._id, doc[POSITION_FIELD]);
  }
  return upserts
    .map((upsert) => ({ upsert, exists: storedPositions.has(upsert.id), stored: storedPositions.get(upsert.id) }))
    .filter(({ stored, upsert }) => typeof stored !== 'string' || stored < upsert.position)
    .map(({ upsert, exists }) => ({ upsert, exists }));
}

function operation({ upsert: { id, doc, position }, exists }: PlannedWrite): AnyBulkWriteOperation<StoredDocument> {
  const stored = { ...doc, _id: id, [POSITION_FIELD]: position };
  if (!exists) return { insertOne: { document: stored } };
  // replaceOne rather than updateOne/$set: a newer version must also drop fields the older one had.
  return { replaceOne: { filter: { _id: id, [POSITION_FIELD]: { $lt: position } }, replacement: stored, upsert: true } };
}

async function writeRound(collection: Collection<StoredDocument>, planned: readonly PlannedWrite[]): Promise<{ written: number; conflicts: PreparedUpsert[] }> {
  try {
    return { written: writtenBy(await collection.bulkWrite(planned.map(operation), { ordered: false })), conflicts: [] };
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || error.result.getWriteConcernError()) throw error;
    const writeErrors = [error.writeErrors].flat();
    if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
    return { written: writtenBy(error.result), conflicts: writeErrors.map((writeError) => planned[writeError.index].upsert) };
  }
}
