import { type ChainedEvent, verifyChain } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

export interface ChainVerdict {
  readonly intact: boolean;
  readonly events: number;
  /** The first revision whose link is broken (edited, missing or out of place), null when intact. */
  readonly firstBadRevision: number | null;
  readonly lastHash: string | null;
}

/** Hash links are checked on the stored type and data, never on upcast ones. */
export const chainedEventOf = (recorded: RecordedEvent): ChainedEvent => ({
  type: recorded.type,
  data: recorded.data,
  revision: recorded.revision,
  prevHash: String(recorded.metadata.prevHash ?? ''),
  hash: String(recorded.metadata.hash ?? ''),
});

export function verifyAccountChain(events: readonly RecordedEvent[]): ChainVerdict {
  // A stream that no longer starts at revision 0 lost its first events.
  const firstBadRevision = events.length > 0 && events[0].revision !== 0n ? 0 : verifyChain(events.map(chainedEventOf));
  return {
    intact: firstBadRevision === null,
    events: events.length,
    firstBadRevision,
    lastHash: events.length > 0 ? String(events[events.length - 1].metadata.hash ?? '') : null,
  };
}
