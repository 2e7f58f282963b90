import { compareTiers, isTier, priceOf } from '../catalog/catalog';
import type { CommandOf } from '../commands/command';
import { violation } from '../commands/rule-violation';
import { domainEvent, type EventOf } from '../events/event';
import { addDays, compareInstants, toMillis } from '../time/kst';
import { activeTrialAt, cardOf, type AccountState, type TrialState } from '../state/account-state';
import { accepted, declined, loggedBase, rejected, type DecideContext, type Decision } from './decision';
import { NO_PAYMENT_METHOD_DECLINE, paymentFailed } from './payment-failed';
import { planFactsOf } from './plan-facts';
import { chargeUpgrade, quoteUpgrade } from './upgrade';

type TrialEndCommand = CommandOf<'TRIAL_EXPIRE'> | CommandOf<'TRIAL_CANCEL'>;

const trialEnded = <T extends 'TrialExpired.v1' | 'TrialCanceled.v1'>(type: T, command: TrialEndCommand, state: AccountState, trial: TrialState, context: DecideContext): EventOf<T> =>
  domainEvent(type, Object.assign(loggedBase(command, context), planFactsOf(state), {
    trialTier: trial.tier,
    trialMonthlyPrice: trial.trialMonthlyPrice,
    onExpiry: trial.onExpiry,
    expiresAt: trial.expiresAt,
  }) as never);

export const decideTrialStart = (command: CommandOf<'TRIAL_START'>, state: AccountState, context: DecideContext): Decision => {
  const { trialTier, trialDays, onExpiry } = command.payload;
  if (state.trial !== null) return rejected('TRIAL_ALREADY_ACTIVE', `이미 ${state.trial.tier} 체험이 진행 중입니다.`);
  if (!isTier(trialTier)) return rejected('INVALID_TARGET_TIER', `알 수 없는 티어입니다: ${String(trialTier)}`, 'payload.trialTier');
  if (compareTiers(context.catalog, trialTier, state.tier) <= 0) {
    return rejected('TIER_NOT_HIGHER', `체험 티어 ${trialTier}는 현재 티어 ${state.tier}보다 높아야 합니다.`, 'payload.trialTier');
  }
  return accepted(
    domainEvent('TrialStarted.v1', Object.assign(loggedBase(command, context), planFactsOf(state), {
      catalogVersion: context.catalog.catalogVersion,
      trialTier,
      trialMonthlyPrice: priceOf(context.catalog, trialTier),
      trialDays,
      onExpiry,
      expiresAt: addDays(context.actionDate, trialDays),
    })),
  );
};

export const decideTrialCancel = (command: CommandOf<'TRIAL_CANCEL'>, state: AccountState, context: DecideContext): Decision => {
  const trial = activeTrialAt(state, toMillis(context.actionDate));
  if (trial === null) return rejected('NO_ACTIVE_TRIAL', '진행 중인 체험이 없습니다.');
  return accepted(trialEnded('TrialCanceled.v1', command, state, trial, context));
};

/** CONVERT: the trial ends (log 0), then an UPGRADE to the trial tier, prorated, by SYSTEM (log 1). */
export const decideTrialExpire = (command: CommandOf<'TRIAL_EXPIRE'>, state: AccountState, context: DecideContext): Decision => {
  const trial = state.trial;
  if (trial === null) return rejected('NO_ACTIVE_TRIAL', '진행 중인 체험이 없습니다.');
  if (compareInstants(context.actionDate, trial.expiresAt) < 0) return rejected('TRIAL_NOT_DUE', `체험 만료 시각(${trial.expiresAt}) 전입니다.`);
  const expired = trialEnded('TrialExpired.v1', command, state, trial, context);
  if (trial.onExpiry === 'REVERT' || compareTiers(context.catalog, trial.tier, state.tier) <= 0) return accepted(expired);
  const charge = quoteUpgrade(state, context.catalog, context.actionDate, trial.tier, state.seatCount);
  const base = loggedBase(command, context, 1, 'SYSTEM');
  if (state.paymentMethod === null) {
    const message = '등록된 결제 수단이 없어 체험을 전환하지 못했습니다.';
    const failed = paymentFailed({ base, attempted: charge, card: cardOf(state), declineCode: NO_PAYMENT_METHOD_DECLINE, message });
    return declined([expired, failed], violation('PAYMENT_METHOD_REQUIRED', message));
  }
  return chargeUpgrade({ command, state, charge, base, trigger: 'TRIAL_CONVERSION', preceding: [expired], paymentMethod: state.paymentMethod });
};
