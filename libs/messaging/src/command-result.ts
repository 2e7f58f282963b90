/** A value on billing.command-results.v1, keyed by accountId (messaging.md). */
export interface CommandResultMessage {
  readonly commandId: string;
  readonly accountId: string;
  readonly status: 'ACCEPTED' | 'REJECTED' | 'DUPLICATE';
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly retryable?: boolean;
  readonly billingLogIds: readonly string[];
  readonly position?: string;
  /** For DUPLICATE: the first delivery's status. */
  readonly originalStatus?: 'ACCEPTED' | 'REJECTED';
}

/** The outcome shape the ledger's command handler returns (structural, so this lib needs no ledger). */
export interface OutcomeLike {
  readonly commandId: string;
  readonly accountId: string;
  readonly status: CommandResultMessage['status'];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly retryable?: boolean;
  readonly billingLogIds: readonly string[];
  readonly position?: string;
  readonly originalStatus?: CommandResultMessage['originalStatus'];
}

/** Keeps the contract's fields only (no dry-run payloads or validation internals on the wire). */
export function toCommandResultMessage(outcome: OutcomeLike): CommandResultMessage {
  const { commandId, accountId, status, errorCode, errorMessage, retryable, billingLogIds, position, originalStatus } = outcome;
  const optional = { errorCode, errorMessage, retryable, position, originalStatus };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
  return { commandId, accountId, status, billingLogIds: [...billingLogIds], ...present };
}
