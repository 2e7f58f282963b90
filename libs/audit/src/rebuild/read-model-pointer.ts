import { FIRST_READ_MODEL_VERSION, type ReadDocument, type ReadStore } from '@ledger/read-store';
import { READ_MODEL_NAMES } from '../replay/read-model-documents';

/** Collection of the pointer document naming the live version of the read models. */
export const READ_MODEL_POINTER_COLLECTION = 'readModelVersions';
const POINTER_ID = 'ledger-read-models';

/** Version 1 is the unsuffixed collections every deployment started with. */
export const FIRST_VERSION = FIRST_READ_MODEL_VERSION;

export interface ReadModelPointer extends ReadDocument {
  readonly live: number;
  /** The version the last switch replaced (kept in place, so switching back is one pointer flip). */
  readonly previous: number | null;
  readonly switchedAt: string | null;
  /** Increases with every write: the position that guards the pointer's upsert. */
  readonly generation: number;
}

const INITIAL_POINTER: ReadModelPointer = { _id: POINTER_ID, live: FIRST_VERSION, previous: null, switchedAt: null, generation: 0 };

const VERSIONED_NAMES: ReadonlySet<string> = new Set(READ_MODEL_NAMES);
export const isVersioned = (collection: string): boolean => VERSIONED_NAMES.has(collection);

/** The naming rule lives with the read store, which gives each version's collections their indexes. */
export { versionedName } from '@ledger/read-store';

export async function readPointer(store: ReadStore): Promise<ReadModelPointer> {
  return (await store.collection<ReadModelPointer>(READ_MODEL_POINTER_COLLECTION).get(POINTER_ID)) ?? INITIAL_POINTER;
}

/** Points readers at `version`; the old version's collections are left untouched. */
export async function switchLiveVersion(store: ReadStore, version: number, at: Date): Promise<ReadModelPointer> {
  const current = await readPointer(store);
  const next: ReadModelPointer = { _id: POINTER_ID, live: version, previous: current.live, switchedAt: at.toISOString(), generation: current.generation + 1 };
  const position = { commit: BigInt(next.generation), prepare: 0n };
  const result = await store.collection<ReadModelPointer>(READ_MODEL_POINTER_COLLECTION).upsertMany([{ doc: next, position }]);
  if (result.written !== 1) throw new Error('The read-model pointer was switched concurrently; run the rebuild again.');
  return next;
}
