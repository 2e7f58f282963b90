/** A value on billing.events.v1, keyed by accountId; consumers dedupe by eventId (messaging.md). */
export interface LedgerEventMessage {
  readonly eventId: string;
  readonly type: string;
  readonly accountId: string;
  readonly streamRevision: number;
  /** The event store's global position, "commit/prepare". */
  readonly globalPosition: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}
