import type { CommandOf } from '../commands/command';
import { violation } from '../commands/rule-violation';
import { domainEvent } from '../events/event';
import { formatKrw } from '../money/integer';
import { splitRefund } from '../money/money';
import type { AccountState } from '../state/account-state';
import { accepted, loggedBase, rejected, type DecideContext, type Decision } from './decision';

export const decideAdminRefund = (command: CommandOf<'ADMIN_REFUND'>, state: AccountState, context: DecideContext): Decision => {
  const { originalLogId, amount, reason } = command.payload;
  const original = state.charges.get(originalLogId);
  if (original === undefined) return rejected('ORIGINAL_LOG_NOT_FOUND', `결제 이력 ${originalLogId}를 찾을 수 없습니다.`, 'payload.originalLogId');
  if (!original.refundable || original.transactionId === null) {
    return rejected('NOT_REFUNDABLE', `${original.action} 이력은 환불할 수 없습니다.`, 'payload.originalLogId');
  }
  const remainderBefore = original.totalCharge - original.refunded;
  if (amount > remainderBefore) {
    return rejected('REFUND_EXCEEDS_REMAINDER', `환불 금액 ${formatKrw(amount)}원이 환불 가능 잔액 ${formatKrw(remainderBefore)}원을 넘습니다.`, 'payload.amount');
  }
  const originalTransactionId = original.transactionId;
  const base = loggedBase(command, context);
  return {
    kind: 'payment',
    request: { kind: 'refund', amount, transactionId: originalTransactionId, description: `환불 ${formatKrw(amount)}원: ${reason}`, idempotencyKey: command.commandId },
    settle: (outcome) => {
      if (outcome.status === 'declined') {
        return { kind: 'rejected', violation: violation('PAYMENT_DECLINED', `환불이 거절되었습니다 (${outcome.declineCode}): ${outcome.message}`) };
      }
      return accepted(
        domainEvent('RefundIssued.v1', Object.assign({}, base, {
          originalLogId,
          originalAction: original.action,
          originalTransactionId,
          billingPeriod: original.billingPeriod,
          tier: original.tier,
          seatCount: original.seatCount,
          unitPrice: original.unitPrice,
          amount,
          ...splitRefund(amount),
          remainderBefore,
          remainderAfter: remainderBefore - amount,
          reason,
          transactionId: outcome.transactionId,
          card: original.card,
        })),
      );
    },
  };
};
