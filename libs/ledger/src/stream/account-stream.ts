import type { RecordedEvent } from '@ledger/event-store';

/** One stream per account (design.md "Streams, events, metadata"). */
export const ACCOUNT_STREAM_PREFIX = 'account-';

export const accountStreamId = (accountId: string): string => `${ACCOUNT_STREAM_PREFIX}${accountId}`;

export const accountIdOfStream = (streamId: string): string | undefined =>
  streamId.startsWith(ACCOUNT_STREAM_PREFIX) ? streamId.slice(ACCOUNT_STREAM_PREFIX.length) : undefined;

/** Metadata the command handler writes on every event it appends. */
export interface LedgerEventMetadata {
  readonly commandId: string;
  readonly commandType: string;
  readonly issuedBy: { readonly type: string; readonly id: string };
  readonly issuedAt: string;
  readonly actionDate: string;
  /** The event's place among its command's outcome events (0, 1, …); -1 for a payment hold. */
  readonly eventIndex: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly schema: 1;
}

/** The domain view of a stored event, older versions upcast (libs/event-store/src/upcasting). */
export { toDomainEvent } from '@ledger/event-store';

export const metadataOf = (recorded: RecordedEvent): LedgerEventMetadata =>
  recorded.metadata as unknown as LedgerEventMetadata;
