import type { ChargeQuote } from '../events/charges';
import { domainEvent, type CardSnapshot, type EventOf, type LoggedEvent, type RenewalAttempt } from '../events/event';

export const NO_PAYMENT_METHOD_DECLINE = 'no_payment_method';

export interface FailedCharge {
  readonly base: LoggedEvent;
  readonly attempted: ChargeQuote;
  readonly card: CardSnapshot | null;
  readonly declineCode: string;
  readonly message: string;
  readonly renewal?: RenewalAttempt;
}

export const paymentFailed = (failure: FailedCharge): EventOf<'PaymentFailed.v1'> =>
  domainEvent('PaymentFailed.v1', {
    ...failure.base,
    attempted: failure.attempted,
    errorCode: failure.declineCode === NO_PAYMENT_METHOD_DECLINE ? 'PAYMENT_METHOD_REQUIRED' : 'PAYMENT_DECLINED',
    declineCode: failure.declineCode,
    declineMessage: failure.message,
    card: failure.card,
    renewal: failure.renewal ?? null,
  });
