import type { BillingLog, BillingSnapshot } from '@ledger/domain';

/** Collection names of the read models (part of the deployment: indexes, backups, rebuilds). */
export const READ_MODELS = {
  billingLogs: 'billing_logs',
  billingSnapshots: 'billing_snapshots',
  plans: 'plans',
  commandOutcomes: 'command_outcomes',
} as const;

export const PROJECTOR_CHECKPOINT = 'ledger-projector';

/** Every billing log of every action (the customer list filter is applied at query time). */
export interface BillingLogDocument extends BillingLog {
  readonly _id: string;
  /** For a refund log: the charge log it refunds (receipts list refunds by it). */
  readonly refundOf: string | null;
}

export interface BillingSnapshotDocument extends BillingSnapshot {
  readonly _id: string;
}

export interface CommandOutcomeDocument {
  readonly _id: string;
  readonly commandId: string;
  readonly accountId: string;
  readonly status: 'ACCEPTED' | 'REJECTED';
  readonly billingLogIds: readonly string[];
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Global position of the command's last event ("commit/prepare"). */
  readonly position: string;
}

export const commandOutcomeId = (accountId: string, commandId: string): string => `${accountId}/${commandId}`;
