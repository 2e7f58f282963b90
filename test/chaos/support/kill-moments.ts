import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import { type MongoReadStore, READ_COLLECTIONS, encodePosition } from '@ledger/read-store';

/** What one SIGKILL interrupted, read from the worker's files and read models while it is down. */
export interface KillMoment {
  /** Gateway charges of commands with no outcome event appended yet (a payment hold is none): the kill fell inside a gateway call. */
  readonly chargedNotAppended: number;
  /** Read-model documents written past the projector's checkpoint: the kill fell inside a projection batch. */
  readonly projectedPastCheckpoint: number;
}

const PROJECTED = [READ_COLLECTIONS.billingLogs, READ_COLLECTIONS.billingSnapshots, READ_COLLECTIONS.plans, READ_COLLECTIONS.commandOutcomes];

/** Reads the worker's data dir (gateway and events) and its MongoDB read models. */
export class KillMomentProbe {
  private constructor(
    private readonly dir: string,
    private readonly readStore: MongoReadStore,
    private readonly client: MongoClient,
    private readonly dbName: string,
  ) {}

  static async open(dir: string, readStore: MongoReadStore, mongoUrl: string, dbName: string): Promise<KillMomentProbe> {
    const client = await new MongoClient(mongoUrl).connect();
    return new KillMomentProbe(dir, readStore, client, dbName);
  }

  /** The gateway's latest charge (its movement sequence, 0 before any), to notice the next one. */
  lastCharge(): number {
    return this.withFile('gateway.sqlite', (db) => (db.prepare("SELECT MAX(sequence) AS last FROM gateway_movements WHERE kind = 'charge'").get() as { last: number | null }).last ?? 0);
  }

  async inspect(): Promise<KillMoment> {
    const charged = this.withFile('gateway.sqlite', (db) => db.prepare("SELECT idempotency_key AS key FROM gateway_movements WHERE kind = 'charge'").all() as { key: string }[]);
    const chargedNotAppended = this.withFile('events.sqlite', (db) => {
      const appended = db.prepare("SELECT 1 FROM events WHERE stream_id = ? AND json_extract(data, '$.commandId') = ? AND type <> 'PaymentStarted.v1' LIMIT 1");
      return charged.filter(({ key }) => {
        const slash = key.indexOf('/');
        return appended.get(`account-${key.slice(0, slash)}`, key.slice(slash + 1)) === undefined;
      }).length;
    });
    const checkpoint = await this.readStore.checkpoints.get(PROJECTOR_CHECKPOINT);
    const past = { _position: { $gt: checkpoint ? encodePosition(checkpoint) : '' } };
    const counts = await Promise.all(PROJECTED.map((name) => this.client.db(this.dbName).collection(name).countDocuments(past)));
    return { chargedNotAppended, projectedPastCheckpoint: counts.reduce((sum, count) => sum + count, 0) };
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private withFile<T>(name: string, read: (db: Database.Database) => T): T {
    const db = new Database(join(this.dir, name), { readonly: true, fileMustExist: true, timeout: 5_000 });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }
}
