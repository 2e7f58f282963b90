import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';

type KurrentRecordedEvent = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

function decodeJsonObject(value: unknown, describe: () => string): Record<string, unknown> {
  const decoded = value instanceof Uint8Array ? (JSON.parse(Buffer.from(value).toString('utf8')) as unknown) : value;
  if (!isPlainObject(decoded)) {
    // Only this ledger writes to its database; anything else is a misconfiguration to surface.
    throw new TypeError(`${describe()} is not a JSON object`);
  }
  return decoded;
}

/** System events ($-prefixed types or streams) are KurrentDB's own bookkeeping, never ours. */
export const isUserEvent = (event: KurrentRecordedEvent): boolean =>
  !event.type.startsWith('$') && !event.streamId.startsWith('$');

export const fromKurrentPosition = (position: Position): GlobalPosition => ({
  commit: position.commit,
  prepare: position.prepare,
});

export const toKurrentPosition = (position: GlobalPosition): Position => ({
  commit: position.commit,
  prepare: position.prepare,
});

/** Undefined for unresolved links and system events, which the port does not expose. */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !isUserEvent(event)) {
    return undefined;
  }
  // Servers before 22.6 omit the position on stream reads; the commit position is still sent.
  const position = event.position ?? { commit: resolved.commitPosition ?? -1n, prepare: resolved.commitPosition ?? -1n };
  const describe = () => `Event ${event.id} (${event.type}) in stream ${event.streamId}`;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: fromKurrentPosition(position),
    type: event.type,
    data: decodeJsonObject(event.data, () => `Data of ${describe()}`),
    metadata: event.metadata === undefined ? {} : decodeJsonObject(event.metadata, () => `Metadata of ${describe()}`),
    created: event.created,
  };
}
