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
  readonly plan: PlanDocument;
  readonly outcome: CommandOutcomeDocument | null;
}

/** Pure: the documents an account event yields, given the account's state right after it. */
export function projectEvent(recorded: RecordedEvent, event: DomainEvent, stateAfter: AccountState): ProjectedDocuments {
  const refundOf = refundedLogOf(event);
  const billingLogs = billingLogsOf(event).map((log) => ({ ...log, _id: log.subscriptionBillingLogId, refundOf }));
  const billingSnapshots = snapshotsOf(event).map((snapshot) => ({ ...snapshot, _id: snapshot.snapshotId }));
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
  return { billingLogs, billingSnapshots, plan: toPlanDocument(stateAfter), outcome };
}

function refundedLogOf(event: DomainEvent): string | null {
  return event.type === 'RefundIssued.v1' ? event.data.originalLogId : null;
}
