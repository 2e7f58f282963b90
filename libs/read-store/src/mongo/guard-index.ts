import type { Db } from 'mongodb';
import { POSITION_FIELD } from '../document/upsert-batch';

/**
 * The index the position guard's compare-and-set filter `{ _id, _position }` is answered from.
 *
 * `_id` alone would serve a real mongod, but mongo-java-server (the test server) answers a filter
 * from an index only when the filter's keys are exactly that index's keys, with equality values,
 * and maintains only unique indexes; any other filter scans every document of the collection. So
 * without this index each guarded write costs O(collection size) there. `unique` is vacuous
 * (`_id` already is) but is what makes the test server keep the index. On a real mongod the index
 * also covers the position read (`_id $in`, projection `_position`), at one more index entry per write.
 */
export const GUARD_INDEX_KEY = { _id: 1, [POSITION_FIELD]: 1 } as const;

/** Creates the guard index once per collection and store; a dropped collection gets it again. */
export class GuardIndexes {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(private readonly db: Db) {}

  /** `alongside` creates the collection's other indexes with the guard, once as well. */
  ensure(collection: string, alongside: () => Promise<void> = async () => undefined): Promise<void> {
    const known = this.ensured.get(collection);
    if (known) return known;
    const creating = this.create(collection).then(alongside);
    this.ensured.set(collection, creating);
    // A failed creation is reported to this caller and tried again by the next one.
    creating.catch(() => this.ensured.delete(collection));
    return creating;
  }

  /** After a drop, which removes every index of the collection. */
  recreate(collection: string): Promise<void> {
    this.ensured.delete(collection);
    return this.ensure(collection);
  }

  private async create(collection: string): Promise<void> {
    await this.db.collection(collection).createIndex({ ...GUARD_INDEX_KEY }, { unique: true });
  }
}
