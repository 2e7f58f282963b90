import type { Catalog } from '../catalog/catalog';
import type { Command } from '../commands/command';
import { violation, type RuleViolation, type RuleViolationCode } from '../commands/rule-violation';
import { domainEvent, type DomainEvent, type EventBase, type EventOf, type LoggedEvent } from '../events/event';
import { billingLogId } from '../ids/ids';
import type { CommandRecord } from '../state/account-state';

export interface DecideContext {
  readonly catalog: Catalog;
  /** The business instant resolved by the handler (never read from a clock here). */
  readonly actionDate: string;
}

export type PaymentRequest =
  | { readonly kind: 'charge'; readonly amount: number; readonly billingKey: string; readonly description: string; readonly idempotencyKey: string }
  | { readonly kind: 'refund'; readonly amount: number; readonly transactionId: string; readonly description: string; readonly idempotencyKey: string };

export type PaymentOutcome =
  | { readonly status: 'succeeded'; readonly transactionId: string; readonly processedAt: string }
  | { readonly status: 'declined'; readonly declineCode: string; readonly message: string };

export interface Rejected {
  readonly kind: 'rejected';
  readonly violation: RuleViolation;
}
export interface Accepted {
  readonly kind: 'accepted';
  readonly events: readonly DomainEvent[];
}
/** Events are appended (the PaymentFailed record) yet the command outcome is REJECTED. */
export interface Declined {
  readonly kind: 'declined';
  readonly events: readonly DomainEvent[];
  readonly violation: RuleViolation;
}
export interface Duplicate {
  readonly kind: 'duplicate';
  readonly original: CommandRecord;
}
export type SettledDecision = Accepted | Declined | Rejected;
export interface PaymentDecision {
  readonly kind: 'payment';
  readonly request: PaymentRequest;
  /** Pure: the events to append once the gateway has answered. */
  readonly settle: (outcome: PaymentOutcome) => SettledDecision;
}
export type Decision = Rejected | Accepted | Declined | Duplicate | PaymentDecision;

export const rejected = (code: RuleViolationCode, message: string, field?: string): Rejected => ({ kind: 'rejected', violation: violation(code, message, field) });
export const accepted = (...events: DomainEvent[]): Accepted => ({ kind: 'accepted', events });
export const declined = (events: readonly DomainEvent[], rule: RuleViolation): Declined => ({ kind: 'declined', events, violation: rule });

export const eventBase = (command: Command, context: DecideContext): EventBase => ({
  accountId: command.accountId,
  commandId: command.commandId,
  occurredAt: context.actionDate,
});

/** Base of an event that produces the command's `logIndex`-th billing log. */
export const loggedBase = (command: Command, context: DecideContext, logIndex = 0, processedBy = command.issuedBy.type): LoggedEvent => ({
  accountId: command.accountId,
  commandId: command.commandId,
  occurredAt: context.actionDate,
  billingLogId: billingLogId(context.actionDate, command.commandId, logIndex),
  processedBy,
});

/** A final violation as an event, so a redelivery gets the same answer and auditors see it. */
export const rejectionEvent = (command: Command, rule: RuleViolation, actionDate: string): EventOf<'CommandRejected.v1'> =>
  domainEvent('CommandRejected.v1', {
    accountId: command.accountId,
    commandId: command.commandId,
    occurredAt: actionDate,
    commandType: command.type,
    code: rule.code,
    message: rule.message,
    field: rule.field ?? null,
  });

export interface ChargeSpec {
  readonly command: Command;
  readonly amount: number;
  readonly billingKey: string;
  readonly description: string;
  readonly onSuccess: (transactionId: string) => DomainEvent[];
  readonly onDecline: (declineCode: string, message: string) => DomainEvent[];
}

export const chargeDecision = (spec: ChargeSpec): PaymentDecision => ({
  kind: 'payment',
  request: { kind: 'charge', amount: spec.amount, billingKey: spec.billingKey, description: spec.description, idempotencyKey: spec.command.commandId },
  settle: (outcome) =>
    outcome.status === 'succeeded'
      ? accepted(...spec.onSuccess(outcome.transactionId))
      : declined(spec.onDecline(outcome.declineCode, outcome.message), violation('PAYMENT_DECLINED', `결제가 거절되었습니다 (${outcome.declineCode}): ${outcome.message}`)),
});
