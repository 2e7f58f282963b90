import { compareTiers, isTier, priceOf } from '../catalog/catalog';
import type { CommandOf } from '../commands/command';
import { domainEvent } from '../events/event';
import { nextPeriod } from '../time/kst';
import type { AccountState } from '../state/account-state';
import { accepted, loggedBase, rejected, type DecideContext, type Decision } from './decision';
import { notSubscribedViolation } from './guards';
import { planFactsOf } from './plan-facts';

const effectivePeriodOf = (state: AccountState): string => nextPeriod(state.currentPeriod as string);

export const decideDowngradeScheduled = (command: CommandOf<'DOWNGRADE_SCHEDULED'>, state: AccountState, context: DecideContext): Decision => {
  const { toTier } = command.payload;
  const notSubscribed = notSubscribedViolation(state);
  if (notSubscribed) return notSubscribed;
  if (!isTier(toTier) || toTier === 'FREE') {
    return rejected('INVALID_TARGET_TIER', `${String(toTier)}로는 다운그레이드할 수 없습니다 (FREE는 해지 예약을 사용하세요).`, 'payload.toTier');
  }
  if (compareTiers(context.catalog, toTier, state.tier) >= 0) {
    return rejected('TIER_NOT_LOWER', `${toTier}는 현재 티어 ${state.tier}보다 낮아야 합니다.`, 'payload.toTier');
  }
  return accepted(
    domainEvent('DowngradeScheduled.v1', Object.assign(loggedBase(command, context), planFactsOf(state), {
      catalogVersion: context.catalog.catalogVersion,
      toMonthlyPrice: priceOf(context.catalog, toTier),
      change: { action: 'DOWNGRADE' as const, toTier, toSeatCount: null, effectivePeriod: effectivePeriodOf(state) },
      replacedChange: state.scheduledChange,
    })),
  );
};

export const decideCancelScheduled = (command: CommandOf<'CANCEL_SCHEDULED'>, state: AccountState, context: DecideContext): Decision => {
  const notSubscribed = notSubscribedViolation(state);
  if (notSubscribed) return notSubscribed;
  return accepted(
    domainEvent('CancellationScheduled.v1', Object.assign(loggedBase(command, context), planFactsOf(state), {
      change: { action: 'CANCEL' as const, toTier: 'FREE' as const, toSeatCount: null, effectivePeriod: effectivePeriodOf(state) },
      replacedChange: state.scheduledChange,
    })),
  );
};

export const decideRevokeScheduledChange = (command: CommandOf<'REVOKE_SCHEDULED_CHANGE'>, state: AccountState, context: DecideContext): Decision => {
  if (state.scheduledChange === null) return rejected('NO_SCHEDULED_CHANGE', '예약된 변경이 없습니다.');
  return accepted(domainEvent('ScheduledChangeRevoked.v1', Object.assign(loggedBase(command, context), planFactsOf(state), { revokedChange: state.scheduledChange })));
};
