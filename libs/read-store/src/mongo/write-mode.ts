/**
 * Above this share of stored ids in a collection's last batch, its next batch reads positions first.
 * An optimistic insert that meets a stored id costs a failed write before the usual read and write,
 * so a few such ids (a command whose events straddle two flushes) are cheaper than a read per batch.
 */
const STORED_SHARE_FOR_READ = 1 / 8;

/**
 * Chooses, per collection of one store, whether the next upsert batch may skip the position read and
 * insert at once (guarded-upsert.ts `insertFirst`), judging from the batch before: command outcomes
 * and billing logs are new ids almost always; plans are replaced on almost every write; a replay after
 * a crash meets its own documents and switches back to reading until the ids are new again.
 * Only a matter of cost: both ways keep the same position guard.
 */
export class UpsertWriteModes {
  private readonly insertFirst = new Set<string>();

  /** The first batch of a collection reads: it may be a replay. */
  shouldInsertFirst(collection: string): boolean {
    return this.insertFirst.has(collection);
  }

  record(collection: string, batchSize: number, stored: number): void {
    if (stored <= batchSize * STORED_SHARE_FOR_READ) this.insertFirst.add(collection);
    else this.insertFirst.delete(collection);
  }
}
