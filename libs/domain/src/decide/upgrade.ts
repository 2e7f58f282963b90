import { compareTiers, exceedsMaxSeats, isTier, priceOf, type Catalog, type Tier } from '../catalog/catalog';
import type { Command, CommandOf } from '../commands/command';
import type { UpgradeCharge } from '../events/charges';
import { domainEvent, type DomainEvent, type LoggedEvent } from '../events/event';
import { formatKrw } from '../money/integer';
import { prorateUpgrade, prorationDays, withVat } from '../money/money';
import type { AccountState, StoredPaymentMethod } from '../state/account-state';
import { chargeDecision, rejected, loggedBase, type DecideContext, type Decision } from './decision';
import { paymentFailed } from './payment-failed';

export const quoteUpgrade = (state: AccountState, catalog: Catalog, actionDate: string, toTier: Tier, toSeats: number): UpgradeCharge => {
  const proration = prorationDays(actionDate);
  const fromMonthlyPrice = state.unitPrice;
  const toMonthlyPrice = priceOf(catalog, toTier);
  const subtotal = prorateUpgrade({ fromMonthlyPrice, fromSeats: state.seatCount, toMonthlyPrice, toSeats, days: proration });
  return {
    kind: 'UPGRADE',
    catalogVersion: catalog.catalogVersion,
    fromTier: state.tier,
    toTier,
    fromSeats: state.seatCount,
    toSeats,
    fromMonthlyPrice,
    toMonthlyPrice,
    proration,
    ...withVat(subtotal),
  };
};

export interface UpgradeSpec {
  readonly command: Command;
  readonly state: AccountState;
  readonly charge: UpgradeCharge;
  readonly base: LoggedEvent;
  readonly trigger: 'COMMAND' | 'TRIAL_CONVERSION';
  /** Events of the same command that precede the upgrade (the trial's end on conversion). */
  readonly preceding: readonly DomainEvent[];
  readonly paymentMethod: StoredPaymentMethod;
}

/** Charges the prorated upgrade; a decline records PaymentFailed and leaves the plan unchanged. */
export const chargeUpgrade = (spec: UpgradeSpec): Decision => {
  const { state, charge, base } = spec;
  const { billingKey, brand, last4 } = spec.paymentMethod;
  const card = { brand, last4 };
  return chargeDecision({
    command: spec.command,
    amount: charge.totalCharge,
    billingKey,
    description: `${charge.fromTier} → ${charge.toTier} 업그레이드 ${formatKrw(charge.totalCharge)}원`,
    onSuccess: (transactionId) => [
      ...spec.preceding,
      domainEvent('SubscriptionUpgraded.v1', Object.assign({}, base, {
        charge,
        transactionId,
        card,
        trigger: spec.trigger,
        endedTrialTier: state.trial?.tier ?? null,
        clearedScheduledChange: state.scheduledChange,
      })),
    ],
    onDecline: (declineCode, message) => [...spec.preceding, paymentFailed({ base, attempted: charge, card, declineCode, message })],
  });
};

export const decideUpgrade = (command: CommandOf<'UPGRADE'>, state: AccountState, context: DecideContext): Decision => {
  const { catalog } = context;
  const { toTier } = command.payload;
  if (!isTier(toTier)) return rejected('INVALID_TARGET_TIER', `알 수 없는 티어입니다: ${String(toTier)}`, 'payload.toTier');
  if (compareTiers(catalog, toTier, state.tier) <= 0) {
    return rejected('TIER_NOT_HIGHER', `${toTier}는 현재 티어 ${state.tier}보다 높아야 합니다.`, 'payload.toTier');
  }
  const toSeats = command.payload.seatCount ?? state.seatCount;
  if (toSeats < state.seatCount) {
    return rejected('SEAT_COUNT_BELOW_CURRENT', `인원 수(${toSeats})는 현재 인원 ${state.seatCount}명 이상이어야 합니다.`, 'payload.seatCount');
  }
  if (exceedsMaxSeats(catalog, toTier, toSeats)) {
    return rejected('SEAT_LIMIT_EXCEEDED', `${toTier}의 최대 인원(${catalog.tiers[toTier].maxSeats}명)을 넘습니다.`, 'payload.seatCount');
  }
  if (state.paymentMethod === null) return rejected('PAYMENT_METHOD_REQUIRED', '등록된 결제 수단이 없습니다.');
  return chargeUpgrade({
    command,
    state,
    charge: quoteUpgrade(state, catalog, context.actionDate, toTier, toSeats),
    base: loggedBase(command, context),
    trigger: 'COMMAND',
    preceding: [],
    paymentMethod: state.paymentMethod,
  });
};
