import type { CommandOf } from '../commands/command';
import { MAX_RENEWAL_RETRIES, parseRenewalCommandId, RENEWAL_RETRY_OFFSET_DAYS } from '../commands/payload-rules';
import type { RenewalQuote } from '../events/charges';
import { domainEvent, type DomainEvent } from '../events/event';
import { snapshotId } from '../ids/ids';
import { formatKrw } from '../money/integer';
import { addDays, compareInstants, comparePeriods, nextPeriod, periodStart, type Period } from '../time/kst';
import { cardOf, type AccountState } from '../state/account-state';
import { accepted, chargeDecision, declined, loggedBase, rejected, type DecideContext, type Decision } from './decision';
import { notSubscribedViolation } from './guards';
import { NO_PAYMENT_METHOD_DECLINE, paymentFailed } from './payment-failed';
import { planFactsOf } from './plan-facts';
import { captureClosingPeriod, quoteRenewal } from './renewal-quote';
import { violation } from '../commands/rule-violation';

const dueAt = (period: Period, retry: number): string => (retry === 0 ? periodStart(period) : addDays(periodStart(period), RENEWAL_RETRY_OFFSET_DAYS[retry - 1]));

const checkRenewal = (command: CommandOf<'RENEWAL'>, state: AccountState, context: DecideContext): Decision | number => {
  const { period } = command.payload;
  const parsed = parseRenewalCommandId(command.commandId);
  if (parsed === null || parsed.accountId !== command.accountId || parsed.period !== period || parsed.retry > MAX_RENEWAL_RETRIES) {
    return rejected('INVALID_COMMAND_ID', `RENEWAL의 commandId는 renewal:${command.accountId}:${period}[:retry:1-${MAX_RENEWAL_RETRIES}] 형식이어야 합니다.`, 'commandId');
  }
  const notSubscribed = notSubscribedViolation(state);
  if (notSubscribed) return notSubscribed;
  const current = state.currentPeriod as Period;
  if (comparePeriods(period, current) <= 0) return rejected('PERIOD_ALREADY_RENEWED', `${period}는 이미 갱신되었습니다.`, 'payload.period');
  if (period !== nextPeriod(current)) return rejected('RENEWAL_NOT_DUE', `${nextPeriod(current)} 갱신이 먼저 처리되어야 합니다.`, 'payload.period');
  if (compareInstants(context.actionDate, dueAt(period, parsed.retry)) < 0) {
    return rejected('RENEWAL_NOT_DUE', `${period} 갱신 시각(${dueAt(period, parsed.retry)}) 전입니다.`);
  }
  const pending = state.pendingRenewal;
  if (parsed.retry > 0 && (pending === null || pending.period !== period || pending.attempt !== parsed.retry - 1)) {
    return rejected('RENEWAL_NOT_DUE', `재시도 ${parsed.retry}회차를 처리할 실패한 결제가 없습니다.`, 'commandId');
  }
  return parsed.retry;
};

const cancelAtRenewal = (command: CommandOf<'RENEWAL'>, state: AccountState, context: DecideContext): Decision => {
  const { period } = command.payload;
  return accepted(
    domainEvent('SubscriptionCanceled.v1', Object.assign(loggedBase(command, context), planFactsOf(state), {
      period,
      closingPeriod: state.currentPeriod as Period,
      cancellation: state.scheduledChange!,
      snapshotId: snapshotId(context.actionDate, command.commandId, 0),
      snapshot: Object.assign(captureClosingPeriod(state, context.catalog, period), { baseFee: 0, subtotal: 0, taxAmount: 0, totalCharge: 0 }),
    })),
  );
};

/** PaymentFailed with the next dunning date; after the last retry the subscription expires. */
const dunningEvents = (command: CommandOf<'RENEWAL'>, state: AccountState, context: DecideContext, quote: RenewalQuote, retry: number, declineCode: string, message: string): DomainEvent[] => {
  const exhausted = retry >= MAX_RENEWAL_RETRIES;
  const failed = paymentFailed({
    base: loggedBase(command, context, 0),
    attempted: quote,
    card: cardOf(state),
    declineCode,
    message,
    renewal: { period: quote.period, attempt: retry, nextRetryAt: exhausted ? null : dueAt(quote.period, retry + 1) },
  });
  if (!exhausted) return [failed];
  return [failed, domainEvent('SubscriptionExpired.v1', Object.assign(loggedBase(command, context, 1), planFactsOf(state), { period: quote.period, reason: 'DUNNING_EXHAUSTED' as const }))];
};

export const decideRenewal = (command: CommandOf<'RENEWAL'>, state: AccountState, context: DecideContext): Decision => {
  const retry = checkRenewal(command, state, context);
  if (typeof retry !== 'number') return retry;
  if (state.scheduledChange?.action === 'CANCEL') return cancelAtRenewal(command, state, context);
  // A retry charges exactly what the first attempt tried to charge.
  const quote = retry > 0 && state.pendingRenewal !== null ? state.pendingRenewal.quote : quoteRenewal(state, context.catalog, command.payload.period);
  if (state.paymentMethod === null) {
    const message = '등록된 결제 수단이 없습니다.';
    return declined(dunningEvents(command, state, context, quote, retry, NO_PAYMENT_METHOD_DECLINE, message), violation('PAYMENT_METHOD_REQUIRED', message));
  }
  const { billingKey, brand, last4 } = state.paymentMethod;
  return chargeDecision({
    command,
    amount: quote.totalCharge,
    billingKey,
    description: `${quote.period} ${quote.toTier} 정기 결제 ${formatKrw(quote.totalCharge)}원`,
    onSuccess: (transactionId) => [
      domainEvent('SubscriptionRenewed.v1', Object.assign(loggedBase(command, context), {
        quote,
        snapshotId: snapshotId(context.actionDate, command.commandId, 0),
        attempt: retry,
        transactionId,
        card: { brand, last4 },
      })),
    ],
    onDecline: (declineCode, message) => dunningEvents(command, state, context, quote, retry, declineCode, message),
  });
};
