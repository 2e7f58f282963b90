import { type RecordedEvent, positionToString } from '@ledger/event-store';
import { accountIdOfStream } from '@ledger/ledger';
import type { LedgerEventMessage } from '@ledger/messaging';

/**
 * The billing.events.v1 value of a stored event, or undefined for streams that are not an account's
 * (API keys: their events hold sealed secrets and are not domain events). The event is published as
 * stored (versioned type, no upcasting): consumers own their reading of older versions.
 */
export function toLedgerEventMessage(recorded: RecordedEvent): LedgerEventMessage | undefined {
  const accountId = accountIdOfStream(recorded.streamId);
  if (accountId === undefined) return undefined;
  const occurredAt = recorded.data.occurredAt;
  return {
    eventId: recorded.id,
    type: recorded.type,
    accountId,
    streamRevision: Number(recorded.revision),
    globalPosition: positionToString(recorded.position),
    occurredAt: typeof occurredAt === 'string' ? occurredAt : recorded.created.toISOString(),
    data: recorded.data,
    metadata: recorded.metadata,
  };
}
