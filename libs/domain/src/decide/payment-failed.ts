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
  domainEvent('PaymentFailed.v1', Object.assign({}, failure.base, {
    attempted: failure.attempted,
    errorCode: failure.declineCode === NO_PAYMENT_METHOD_DECLINE ? ('PAYMENT_METHOD_REQUIRED' as const) : ('PAYMENT_DECLINED' as const),
    declineCode: failure.declineCode,
    declineMessage: failure.message,
    card: failure.card,
    renewal: failure.renewal ?? null,
  }));
