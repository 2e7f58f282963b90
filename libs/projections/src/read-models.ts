import type { BillingLog, BillingSnapshot } from '@ledger/domain';
import { READ_COLLECTIONS } from '@ledger/read-store';

/** Collection names of the read models this projector writes (indexes are planned in the read store). */
export const READ_MODELS = {
  billingLogs: READ_COLLECTIONS.billingLogs,
  billingSnapshots: READ_COLLECTIONS.billingSnapshots,
  plans: READ_COLLECTIONS.plans,
  commandOutcomes: READ_COLLECTIONS.commandOutcomes,
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
