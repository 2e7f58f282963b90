import {
  type AccountState,
  type DomainEvent,
  RENEWAL_RETRY_OFFSET_DAYS,
  comparePeriods,
  evolve,
  initialState,
  nextPeriod,
  periodOf,
  periodStart,
  renewalCommandId,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

/** What happened in an account's stream, for the year simulation's summary. */
export interface ClockTally {
  renewals: number;
  declines: number;
  expirations: number;
  trialsExpired: number;
}

type Data = { commandId: string; occurredAt: string; renewal?: { period: string; attempt: number } | null };

/**
 * Written independently of the scheduler: replays one account's stream and reports every moment
 * where something the billing clock owed was late, early, repeated or missing.
 */
export function billingClockViolations(accountId: string, recorded: readonly RecordedEvent[], end: string, tally: ClockTally): string[] {
  const violations: string[] = [];
  const renewed = new Set<string>();
  let state: AccountState = initialState(accountId);
  recorded.forEach((record, index) => {
    const event = { type: record.type, data: record.data } as unknown as DomainEvent;
    const data = record.data as unknown as Data;
    if ((record.metadata as { eventIndex: number }).eventIndex === 0) violations.push(...owedBefore(state, data.commandId, data.occurredAt));
    if (event.type === 'SubscriptionRenewed.v1') {
      tally.renewals += 1;
      const period = event.data.quote.period;
      if (renewed.has(period)) violations.push(`${accountId}: ${period} renewed twice`);
      renewed.add(period);
    }
    if (event.type === 'PaymentFailed.v1' && data.renewal) {
      tally.declines += 1;
      const expiresNext = recorded[index + 1]?.type === 'SubscriptionExpired.v1';
      if ((data.renewal.attempt === RENEWAL_RETRY_OFFSET_DAYS.length) !== expiresNext) violations.push(`${accountId}: attempt ${data.renewal.attempt} of ${data.renewal.period} and expiry disagree`);
    }
    if (event.type === 'SubscriptionExpired.v1') tally.expirations += 1;
    if (event.type === 'TrialExpired.v1') tally.trialsExpired += 1;
    state = evolve(state, event);
  });
  violations.push(...owedBefore(state, 'end of simulation', end).map((v) => `${v} (left undone)`));
  return violations;
}

/**
 * Whatever the account owed at or before `at` must be the command arriving now: renewals and retries
 * exactly at their due instant; a trial expiry may come later only when dunning held it back, and
 * then nothing else may come first.
 */
function owedBefore(state: AccountState, commandId: string, at: string): string[] {
  const owed: { commandId: string; dueAt: string }[] = [];
  const pending = state.pendingRenewal;
  if (pending?.nextRetryAt) owed.push({ commandId: renewalCommandId(state.accountId, pending.period, pending.attempt + 1), dueAt: pending.nextRetryAt });
  if (pending === null && state.currentPeriod !== null) {
    const period = nextPeriod(state.currentPeriod);
    owed.push({ commandId: renewalCommandId(state.accountId, period), dueAt: periodStart(period) });
  }
  const trial = state.trial;
  if (trial && (state.currentPeriod === null || comparePeriods(periodOf(trial.expiresAt), state.currentPeriod) <= 0)) {
    owed.push({ commandId: `trial-expire:${state.accountId}:${trial.expiresAt}`, dueAt: trial.expiresAt });
  }
  return owed
    .filter((due) => due.dueAt <= at)
    .filter((due) => due.commandId !== commandId || (due.dueAt !== at && !commandId.startsWith('trial-expire:')))
    .map((due) => `${state.accountId}: ${due.commandId} due ${due.dueAt}, but ${commandId} came at ${at}`);
}
