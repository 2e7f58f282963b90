import { toMillis } from '@ledger/domain';
import { type EventStore, type RecordedEvent, positionToString, toDomainEvent } from '@ledger/event-store';
import { accountStreamId } from '@ledger/ledger';

const PAGE_SIZE = 500;

/** An account's events in revision order, read page by page so a long history is never one query. */
export async function* accountEventPages(store: EventStore, accountId: string, fromRevision = 0n, limit = Infinity): AsyncGenerator<RecordedEvent[]> {
  let next = fromRevision;
  let remaining = limit;
  while (remaining > 0) {
    const maxCount = Math.min(PAGE_SIZE, remaining);
    const page = await store.readStream(accountStreamId(accountId), { fromRevision: next, maxCount });
    if (page.length === 0) return;
    yield page;
    remaining -= page.length;
    if (page.length < maxCount) return;
    next = page[page.length - 1].revision + 1n;
  }
}

export async function readAccountHistory(store: EventStore, accountId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const page of accountEventPages(store, accountId)) events.push(...page);
  return events;
}

/** The business instant of a stored event (its `occurredAt`, after upcasting). */
export const occurredAtOf = (recorded: RecordedEvent): string => toDomainEvent(recorded).data.occurredAt;

/** Events that had happened by `asOf` (occurredAt ≤ asOf). */
export const eventsAsOf = (events: readonly RecordedEvent[], asOf: string): RecordedEvent[] =>
  events.filter((event) => toMillis(occurredAtOf(event)) <= toMillis(asOf));

/** An event as auditors see it: stored type and data, untouched, with every metadata field. */
export interface AuditEventView {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly revision: number;
  readonly position: string;
  readonly created: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export const auditEventView = (recorded: RecordedEvent): AuditEventView => ({
  id: recorded.id,
  streamId: recorded.streamId,
  type: recorded.type,
  revision: Number(recorded.revision),
  position: positionToString(recorded.position),
  created: recorded.created.toISOString(),
  data: recorded.data,
  metadata: recorded.metadata,
});
