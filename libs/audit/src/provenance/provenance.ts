import { type BillingLog, type CalculationDetails, billingLogsOf } from '@ledger/domain';
import { NotFoundError } from '@ledger/errors';
import { type RecordedEvent, positionToString, toDomainEvent } from '@ledger/event-store';
import { type BillingLogDocument, READ_MODELS } from '@ledger/projections';
import type { AuditDeps } from '../audit-deps';
import { readAccountHistory } from '../history/account-history';
import { type FieldDifference, diffFields } from '../verify/diff-documents';
import { verifyAccountChain } from '../verify/verify-chain';
import { type CatalogFacts, catalogFactsOf } from './catalog-facts';

export interface ProvenanceEvent {
  readonly role: 'source' | 'refunded-charge' | 'refund';
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: string;
  readonly metadata: Record<string, unknown>;
  readonly prevHash: string | null;
  readonly hash: string | null;
  /** The account's chain verifies from revision 0 through this event. */
  readonly chainIntact: boolean;
  readonly data: Record<string, unknown>;
}

export interface Provenance {
  readonly logId: string;
  readonly accountId: string;
  /** The log as the read model serves it. */
  readonly log: BillingLogDocument;
  readonly events: readonly ProvenanceEvent[];
  readonly calculation: CalculationDetails & { readonly amounts: Pick<BillingLog, 'chargeAmount' | 'refundAmount' | 'subtotal' | 'taxAmount' | 'totalCharge'> };
  readonly catalog: CatalogFacts & { readonly currentCatalogVersion: string };
  /** Fields where the read model differs from the log derived again from its event (empty when faithful). */
  readonly readModelDifferences: readonly FieldDifference[];
}

const producesLog = (recorded: RecordedEvent, logId: string): boolean =>
  billingLogsOf(toDomainEvent(recorded)).some((log) => log.subscriptionBillingLogId === logId);

const refundsOf = (recorded: RecordedEvent, logId: string): boolean => {
  const event = toDomainEvent(recorded);
  return event.type === 'RefundIssued.v1' && event.data.originalLogId === logId;
};

/** Where a billing log came from: its events with their chain links, its calculation and the prices used. */
export async function provenanceOf(deps: AuditDeps, logId: string): Promise<Provenance> {
  const log = await deps.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs).get(logId);
  if (!log) throw new NotFoundError(`청구 로그 ${logId}를 찾을 수 없습니다.`);
  const history = await readAccountHistory(deps.eventStore, log.accountId);
  const source = history.find((recorded) => producesLog(recorded, logId));
  if (!source) throw new NotFoundError(`청구 로그 ${logId}를 만든 이벤트가 계정 ${log.accountId}의 스트림에 없습니다.`);
  const derived = billingLogsOf(toDomainEvent(source)).find((entry) => entry.subscriptionBillingLogId === logId)!;
  const view = (recorded: RecordedEvent, role: ProvenanceEvent['role']): ProvenanceEvent => ({
    role,
    id: recorded.id,
    type: recorded.type,
    revision: Number(recorded.revision),
    position: positionToString(recorded.position),
    occurredAt: toDomainEvent(recorded).data.occurredAt,
    metadata: recorded.metadata,
    prevHash: typeof recorded.metadata.prevHash === 'string' ? recorded.metadata.prevHash : null,
    hash: typeof recorded.metadata.hash === 'string' ? recorded.metadata.hash : null,
    chainIntact: verifyAccountChain(history.slice(0, Number(recorded.revision) + 1)).intact,
    data: recorded.data,
  });
  const original = log.refundOf ? history.find((recorded) => producesLog(recorded, log.refundOf!)) : undefined;
  const events = [
    view(source, 'source'),
    ...(original ? [view(original, 'refunded-charge')] : []),
    ...history.filter((recorded) => refundsOf(recorded, logId)).map((recorded) => view(recorded, 'refund')),
  ];
  const { chargeAmount, refundAmount, subtotal, taxAmount, totalCharge } = derived;
  const derivedDocument: BillingLogDocument = { ...derived, _id: logId, refundOf: log.refundOf };
  return {
    logId,
    accountId: log.accountId,
    log,
    events,
    calculation: { ...derived.calculationDetails, amounts: { chargeAmount, refundAmount, subtotal, taxAmount, totalCharge } },
    catalog: { ...catalogFactsOf(source.data), currentCatalogVersion: deps.catalog().catalogVersion },
    readModelDifferences: diffFields(log, derivedDocument),
  };
}
