import type { Command } from '../commands/command';
import { domainEvent, type EventOf } from '../events/event';
import type { PaymentRequest } from './decision';

/**
 * The hold a handler appends before it asks the gateway for `request`, where the event store cannot
 * hold the account across processes. `holdUntil` comes from the handler's wall clock, not from the
 * business clock: it bounds how long other writers wait for this payment's outcome.
 */
export const paymentStarted = (command: Command, request: PaymentRequest, actionDate: string, holdUntil: string): EventOf<'PaymentStarted.v1'> =>
  domainEvent('PaymentStarted.v1', {
    accountId: command.accountId,
    commandId: command.commandId,
    occurredAt: actionDate,
    commandType: command.type,
    kind: request.kind,
    amount: request.amount,
    holdUntil,
  });
