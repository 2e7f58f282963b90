import {
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError, type ExpectedRevision } from '../event-store.port';

// gRPC status codes: the client passes some transport failures through unconverted
// (e.g. an append on a channel that never connected rejects with a raw ServiceError).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

const isTransportFailure = (error: unknown): boolean =>
  error instanceof UnavailableError ||
  error instanceof DeadlineExceededError ||
  error instanceof TimeoutError ||
  error instanceof NotLeaderError ||
  (typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === GRPC_UNAVAILABLE || error.code === GRPC_DEADLINE_EXCEEDED));

export interface AppendContext {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
}

/** Translates the client's errors into the port's; anything unexpected passes through unchanged. */
export function toPortError(error: unknown, append?: AppendContext): unknown {
  if (error instanceof WrongExpectedVersionError && append) {
    return new WrongExpectedRevisionError(append.streamId, append.expected, error.actualState);
  }
  if (isTransportFailure(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`KurrentDB unavailable: ${message}`, error);
  }
  return error;
}
