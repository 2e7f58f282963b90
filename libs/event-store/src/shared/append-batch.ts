import type { EventToAppend } from '../event-store.port';

/**
 * Both adapters refuse the same malformed batches, so that callers see one behaviour whichever
 * store is configured (KurrentDB would accept an empty append; an empty decision is a caller bug).
 */
export function assertAppendableBatch(streamId: string, events: readonly EventToAppend[]): void {
  if (streamId.length === 0) {
    throw new RangeError('Cannot append to an empty stream id');
  }
  if (events.length === 0) {
    throw new RangeError(`Nothing to append to stream ${streamId}`);
  }
  const ids = new Set(events.map((event) => event.id));
  if (ids.size !== events.length) {
    throw new RangeError(`Duplicate event ids in one append to stream ${streamId}`);
  }
}

/** maxCount must be a non-negative safe integer; undefined means "no limit". */
export function assertMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && (!Number.isSafeInteger(maxCount) || maxCount < 0)) {
    throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
}
