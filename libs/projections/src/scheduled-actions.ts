import { AccountState, Period, comparePeriods, nextPeriod, periodOf, periodStart, renewalCommandId } from '@ledger/domain';

/** A system command the billing clock owes an account, and the instant it falls due. */
export type ScheduledAction =
  | { readonly kind: 'RENEWAL'; readonly at: string; readonly commandId: string; readonly period: Period; readonly retry: number }
  | { readonly kind: 'TRIAL_EXPIRE'; readonly at: string; readonly commandId: string };

export const trialExpireCommandId = (accountId: string, expiresAt: string): string => `trial-expire:${accountId}:${expiresAt}`;

const renewalAction = (state: AccountState): ScheduledAction | null => {
  const pending = state.pendingRenewal;
  if (pending !== null) {
    if (pending.nextRetryAt === null) return null;
    const retry = pending.attempt + 1;
    return { kind: 'RENEWAL', at: pending.nextRetryAt, commandId: renewalCommandId(state.accountId, pending.period, retry), period: pending.period, retry };
  }
  if (state.currentPeriod === null) return null;
  const period = nextPeriod(state.currentPeriod);
  return { kind: 'RENEWAL', at: periodStart(period), commandId: renewalCommandId(state.accountId, period), period, retry: 0 };
};

/**
 * A paid account cannot end a trial in a period it has not renewed into (RENEWAL_PENDING), so such an
 * expiry waits for the renewal or for a dunning retry to land; listing it would make the account look
 * due while nothing can be done.
 */
const trialAction = (state: AccountState): ScheduledAction | null => {
  const trial = state.trial;
  if (trial === null) return null;
  if (state.currentPeriod !== null && comparePeriods(periodOf(trial.expiresAt), state.currentPeriod) > 0) return null;
  return { kind: 'TRIAL_EXPIRE', at: trial.expiresAt, commandId: trialExpireCommandId(state.accountId, trial.expiresAt) };
};

/** What the scheduler must issue for this account, earliest first (a renewal before a trial expiry at the same instant). */
export function scheduledActionsOf(state: AccountState): ScheduledAction[] {
  return [renewalAction(state), trialAction(state)]
    .filter((action): action is ScheduledAction => action !== null)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
