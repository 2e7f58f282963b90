import Database from 'better-sqlite3';
import type { PaymentResult } from '../payment-gateway.port';

export type OperationKind = 'charge' | 'refund';

export interface Movement {
  readonly sequence: number;
  readonly kind: OperationKind;
  readonly idempotencyKey: string;
  readonly transactionId: string;
  readonly amount: number;
  readonly accountId: string | null;
  /** For a refund: the charge it returns money from. */
  readonly chargeTransactionId: string | null;
  readonly processedAt: string;
}

export type NewMovement = Omit<Movement, 'sequence'>;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS gateway_operations (
    idempotency_key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
    result_json TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS gateway_movements (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
    idempotency_key TEXT NOT NULL UNIQUE,
    transaction_id TEXT NOT NULL UNIQUE,
    amount INTEGER NOT NULL CHECK (amount > 0),
    account_id TEXT,
    charge_transaction_id TEXT,
    processed_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS gateway_refunds_by_charge ON gateway_movements (charge_transaction_id) WHERE kind = 'refund';
`;

const MOVEMENT_COLUMNS = `sequence, kind, idempotency_key AS idempotencyKey, transaction_id AS transactionId, amount,
  account_id AS accountId, charge_transaction_id AS chargeTransactionId, processed_at AS processedAt`;

/** The sandbox gateway's durable state: the first result per idempotency key, and every money movement. */
export class GatewayStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` in a write transaction taken up front, so two processes sharing the file serialise. */
  exclusively<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  findOperation(idempotencyKey: string): { kind: OperationKind; result: PaymentResult } | undefined {
    const row = this.sql('SELECT kind, result_json FROM gateway_operations WHERE idempotency_key = ?').get(idempotencyKey) as
      | { kind: OperationKind; result_json: string }
      | undefined;
    return row && { kind: row.kind, result: JSON.parse(row.result_json) as PaymentResult };
  }

  recordOperation(idempotencyKey: string, kind: OperationKind, result: PaymentResult, recordedAt: string): void {
    this
      .sql('INSERT INTO gateway_operations (idempotency_key, kind, result_json, recorded_at) VALUES (?, ?, ?, ?)')
      .run(idempotencyKey, kind, JSON.stringify(result), recordedAt);
  }

  recordMovement(movement: NewMovement): void {
    this
      .sql(
        `INSERT INTO gateway_movements (kind, idempotency_key, transaction_id, amount, account_id, charge_transaction_id, processed_at)
         VALUES (@kind, @idempotencyKey, @transactionId, @amount, @accountId, @chargeTransactionId, @processedAt)`,
      )
      .run(movement);
  }

  findMovement(transactionId: string): Movement | undefined {
    return this.sql(`SELECT ${MOVEMENT_COLUMNS} FROM gateway_movements WHERE transaction_id = ?`).get(transactionId) as Movement | undefined;
  }

  refundedAmount(chargeTransactionId: string): number {
    const row = this
      .sql("SELECT COALESCE(SUM(amount), 0) AS total FROM gateway_movements WHERE kind = 'refund' AND charge_transaction_id = ?")
      .get(chargeTransactionId) as { total: number };
    return row.total;
  }

  listMovements(): Movement[] {
    return this.sql(`SELECT ${MOVEMENT_COLUMNS} FROM gateway_movements ORDER BY sequence`).all() as Movement[];
  }

  countDeclines(): number {
    const row = this.sql("SELECT COUNT(*) AS declined FROM gateway_operations WHERE json_extract(result_json, '$.status') = 'declined'").get() as {
      declined: number;
    };
    return row.declined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }
}

const TRANSIENT_SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;

export function isTransientStorageError(error: unknown): boolean {
  return error instanceof Database.SqliteError && TRANSIENT_SQLITE_CODES.test(error.code);
}
