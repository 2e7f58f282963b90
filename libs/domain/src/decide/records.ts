import type { CommandOf } from '../commands/command';
import { domainEvent } from '../events/event';
import { billingLogId } from '../ids/ids';
import { periodOf, toIso, toMillis } from '../time/kst';
import type { AccountState } from '../state/account-state';
import { accepted, eventBase, type DecideContext, type Decision } from './decision';

export const decidePaymentMethodUpdate = (command: CommandOf<'PAYMENT_METHOD_UPDATE'>, _state: AccountState, context: DecideContext): Decision => {
  const { billingKey, brand, last4 } = command.payload;
  return accepted(domainEvent('PaymentMethodUpdated.v1', Object.assign(eventBase(command, context), { billingKey, brand, last4 })));
};

/** Idempotent by usageId within the period: a usage already counted is accepted without an event. */
export const decideUsageRecord = (command: CommandOf<'USAGE_RECORD'>, state: AccountState, context: DecideContext): Decision => {
  const { usageId, metric, quantity } = command.payload;
  const period = periodOf(context.actionDate);
  if (state.usage.get(period)?.usageIds.has(usageId)) return accepted();
  return accepted(domainEvent('UsageRecorded.v1', Object.assign(eventBase(command, context), { usageId, metric, quantity, period })));
};

/**
 * The log id carries the legacy business date; dateCreated stays the import instant. The date is
 * normalised to UTC with milliseconds (an import may say `+09:00`), because read models compare
 * instants as strings.
 */
export const decideLegacyLogImport = (command: CommandOf<'LEGACY_LOG_IMPORT'>, _state: AccountState, context: DecideContext): Decision => {
  const actionDate = toIso(toMillis(command.payload.actionDate));
  return accepted(
    domainEvent(
      'LegacyBillingLogImported.v1',
      Object.assign(eventBase(command, context), {
        billingLogId: billingLogId(actionDate, command.commandId, 0),
        processedBy: command.issuedBy.type,
        legacy: { ...command.payload, actionDate },
      }),
    ),
  );
};
