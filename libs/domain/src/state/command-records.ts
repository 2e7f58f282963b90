import { billingLogIdsOfEvent, type DomainEvent } from '../events/event';
import { ACCEPTED_WITHOUT_LOGS, type CommandIndex } from './command-index';

const rejectionOf = (event: DomainEvent): { code: string; message: string } | null => {
  switch (event.type) {
    case 'CommandRejected.v1':
      return { code: event.data.code, message: event.data.message };
    case 'PaymentFailed.v1':
      return { code: event.data.errorCode, message: event.data.declineMessage };
    default:
      return null;
  }
};

/**
 * One command may append several events; once any of them rejects it, the outcome stays REJECTED.
 * A PaymentStarted is not an outcome: until the payment's events follow, the command is not done,
 * so a redelivery runs it (and pays with the same idempotency key) instead of answering DUPLICATE.
 */
export const recordCommand = (commands: CommandIndex, event: DomainEvent): CommandIndex => {
  if (event.type === 'PaymentStarted.v1') return commands;
  const existing = commands.get(event.data.commandId);
  const newLogIds = billingLogIdsOfEvent(event);
  const rejection = rejectionOf(event);
  if (rejection === null && newLogIds.length === 0) return existing === undefined ? commands.set(event.data.commandId, ACCEPTED_WITHOUT_LOGS) : commands;
  const billingLogIds = [...(existing?.billingLogIds ?? []), ...newLogIds];
  if (rejection !== null) {
    return commands.set(event.data.commandId, { status: 'REJECTED', billingLogIds, errorCode: rejection.code, errorMessage: rejection.message });
  }
  return commands.set(event.data.commandId, existing === undefined ? { status: 'ACCEPTED', billingLogIds } : Object.assign({}, existing, { billingLogIds }));
};
