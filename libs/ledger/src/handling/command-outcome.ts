import type { RuleViolation } from '@ledger/domain';

export type CommandStatus = 'ACCEPTED' | 'REJECTED' | 'DUPLICATE';

export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * What a caller learns about a command: the same shape over HTTP and on
 * billing.command-results.v1 (messaging.md).
 */
export interface CommandOutcome {
  readonly commandId: string;
  readonly accountId: string;
  readonly status: CommandStatus;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly retryable?: boolean;
  readonly billingLogIds: readonly string[];
  /** Global position of the last event appended for this command ("commit/prepare"). */
  readonly position?: string;
  /** For DUPLICATE: what the first delivery's outcome was. */
  readonly originalStatus?: Exclude<CommandStatus, 'DUPLICATE'>;
  /** For a payload that failed validation: every field and rule that failed. */
  readonly details?: readonly FieldError[];
  /** For dryRun: the events that would be appended (nothing was appended or charged). */
  readonly dryRun?: { readonly events: readonly { type: string; data: unknown }[]; readonly billingLogs: readonly unknown[] };
}

export const VALIDATION_FAILED = 'VALIDATION_FAILED';

export function invalidCommandOutcome(raw: unknown, details: readonly FieldError[]): CommandOutcome {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const first = details[0];
  return {
    commandId: typeof source.commandId === 'string' ? source.commandId : '',
    accountId: typeof source.accountId === 'string' ? source.accountId : '',
    status: 'REJECTED',
    errorCode: VALIDATION_FAILED,
    errorMessage: first ? `${first.field}: ${first.message}` : 'Invalid command',
    retryable: false,
    billingLogIds: [],
    details,
  };
}

/** A rule violation as the caller sees it, with the billing logs its rejection event produced. */
export function rejectedOutcome(
  base: { commandId: string; accountId: string },
  violation: RuleViolation,
  billingLogIds: readonly string[],
): CommandOutcome {
  return {
    commandId: base.commandId,
    accountId: base.accountId,
    status: 'REJECTED',
    errorCode: violation.code,
    errorMessage: violation.message,
    retryable: violation.retryable,
    billingLogIds,
  };
}
