import type { Command } from '../commands/command';
import type { AccountState } from '../state/account-state';
import { rejected, type DecideContext, type Decision } from './decision';
import { issuerViolation, renewalPendingViolation } from './guards';
import { decideLegacyLogImport, decidePaymentMethodUpdate, decideUsageRecord } from './records';
import { decideAdminRefund } from './refund';
import { decideRenewal } from './renewal';
import { decideCancelScheduled, decideDowngradeScheduled, decideRevokeScheduledChange } from './scheduled-changes';
import { decideAdminSeatAdjust, decideSeatAdd, decideSeatReduceScheduled } from './seats';
import { decideTrialCancel, decideTrialExpire, decideTrialStart } from './trial';
import { decideUpgrade } from './upgrade';

const decideByType = (command: Command, state: AccountState, context: DecideContext): Decision => {
  switch (command.type) {
    case 'UPGRADE':
      return decideUpgrade(command, state, context);
    case 'SEAT_ADD':
      return decideSeatAdd(command, state, context);
    case 'SEAT_REDUCE_SCHEDULED':
      return decideSeatReduceScheduled(command, state, context);
    case 'ADMIN_SEAT_ADJUST':
      return decideAdminSeatAdjust(command, state, context);
    case 'DOWNGRADE_SCHEDULED':
      return decideDowngradeScheduled(command, state, context);
    case 'CANCEL_SCHEDULED':
      return decideCancelScheduled(command, state, context);
    case 'REVOKE_SCHEDULED_CHANGE':
      return decideRevokeScheduledChange(command, state, context);
    case 'RENEWAL':
      return decideRenewal(command, state, context);
    case 'ADMIN_REFUND':
      return decideAdminRefund(command, state, context);
    case 'TRIAL_START':
      return decideTrialStart(command, state, context);
    case 'TRIAL_EXPIRE':
      return decideTrialExpire(command, state, context);
    case 'TRIAL_CANCEL':
      return decideTrialCancel(command, state, context);
    case 'PAYMENT_METHOD_UPDATE':
      return decidePaymentMethodUpdate(command, state, context);
    case 'USAGE_RECORD':
      return decideUsageRecord(command, state, context);
    case 'LEGACY_LOG_IMPORT':
      return decideLegacyLogImport(command, state, context);
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command type: ${(unknownCommand as { type: string }).type}`);
    }
  }
};

/**
 * Pure: the same command, state and context always give the same decision. A dry run is the
 * caller's business (it settles with a simulated success and appends nothing).
 */
export const decide = (command: Command, state: AccountState, context: DecideContext): Decision => {
  const original = state.commands.get(command.commandId);
  if (original !== undefined) return { kind: 'duplicate', original };
  if (command.accountId !== state.accountId) {
    return rejected('ACCOUNT_MISMATCH', `명령의 계정(${command.accountId})이 상태의 계정(${state.accountId})과 다릅니다.`, 'accountId');
  }
  return issuerViolation(command) ?? renewalPendingViolation(command, state, context.actionDate) ?? decideByType(command, state, context);
};
