import { AccountState, DomainEvent, billingLogsOf, snapshotsOf } from '@ledger/domain';
import { positionToString, type RecordedEvent } from '@ledger/event-store';
import { PlanDocument, toPlanDocument } from './plan-document';
import {
  BillingLogDocument,
  BillingSnapshotDocument,
  CommandOutcomeDocument,
  commandOutcomeId,
} from './read-models';

/** The read-model documents one event produces. */
export interface ProjectedDocuments {
  readonly billingLogs: BillingLogDocument[];
  readonly billingSnapshots: BillingSnapshotDocument[];
  /** The account whose plan document this event changes. */
  readonly accountId: string;
  /**
   * Built on first read: a batch only reads the last one per account, as only that one is written
   * (serialising the folded state per event was a tenth of a rebuild's time).
   */
  readonly plan: PlanDocument;
  readonly outcome: CommandOutcomeDocument | null;
}

/** Pure: the documents an account event yields, given the account's state right after it. */
export function projectEvent(recorded: RecordedEvent, event: DomainEvent, stateAfter: AccountState): ProjectedDocuments {
  const refundOf = refundedLogOf(event);
  // billingLogsOf builds fresh objects, so they become the documents without a copy.
  const billingLogs = billingLogsOf(event).map((log) => Object.assign(log, { _id: log.subscriptionBillingLogId, refundOf }));
  const billingSnapshots = snapshotsOf(event).map((snapshot) => Object.assign(snapshot, { _id: snapshot.snapshotId }));
  const commandId = event.data.commandId;
  const record = stateAfter.commands.get(commandId);
  const outcome: CommandOutcomeDocument | null = record
    ? {
        _id: commandOutcomeId(stateAfter.accountId, commandId),
        commandId,
        accountId: stateAfter.accountId,
        status: record.status,
        billingLogIds: record.billingLogIds,
        errorCode: record.errorCode ?? null,
        errorMessage: record.errorMessage ?? null,
        position: positionToString(recorded.position),
      }
    : null;
  let plan: PlanDocument | undefined;
  return {
    billingLogs,
    billingSnapshots,
    accountId: stateAfter.accountId,
    get plan() {
      return (plan ??= toPlanDocument(stateAfter));
    },
    outcome,
  };
}

function refundedLogOf(event: DomainEvent): string | null {
  return event.type === 'RefundIssued.v1' ? event.data.originalLogId : null;
}
