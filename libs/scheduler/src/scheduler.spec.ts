import { initialState } from '@ledger/domain';
import { scheduledActionsOf } from '@ledger/projections';
import { validateCommandEnvelope } from '@ledger/contracts';
import { DEFAULT_SCHEDULER_CONFIG, schedulerConfigFromEnv } from './scheduler-config';
import { systemCommandOf } from './system-commands';

const paid = { ...initialState('acct-1'), tier: 'PRO' as const, currentPeriod: '2026-07' };
const trial = { tier: 'ENTERPRISE' as const, trialMonthlyPrice: 99_000, days: 7, onExpiry: 'REVERT' as const, previousTier: 'PRO' as const, startedAt: '2026-07-28T00:00:00.000Z' };

describe('scheduled actions', () => {
  it('owes a paid account the renewal of its next period at 00:00 KST on the 1st', () => {
    expect(scheduledActionsOf(paid)).toEqual([{ kind: 'RENEWAL', at: '2026-07-31T15:00:00.000Z', commandId: 'renewal:acct-1:2026-08', period: '2026-08', retry: 0 }]);
  });

  it('owes the next dunning retry instead while a renewal is past due', () => {
    const pastDue = { ...paid, status: 'PAST_DUE' as const, pendingRenewal: { period: '2026-08', attempt: 1, nextRetryAt: '2026-08-03T15:00:00.000Z', quote: {} as never } };
    expect(scheduledActionsOf(pastDue)).toMatchObject([{ commandId: 'renewal:acct-1:2026-08:retry:2', at: '2026-08-03T15:00:00.000Z' }]);
  });

  it('holds a trial expiry that lies in a period the account has not renewed into', () => {
    const expiresAt = '2026-08-04T00:00:00.000Z';
    expect(scheduledActionsOf({ ...paid, trial: { ...trial, expiresAt } }).map((a) => a.kind)).toEqual(['RENEWAL']);
    expect(scheduledActionsOf({ ...paid, currentPeriod: '2026-08', trial: { ...trial, expiresAt } })).toEqual([
      { kind: 'TRIAL_EXPIRE', at: expiresAt, commandId: `trial-expire:acct-1:${expiresAt}` },
      expect.objectContaining({ kind: 'RENEWAL', period: '2026-09' }),
    ]);
  });

  it('owes nothing to a FREE account without a trial', () => {
    expect(scheduledActionsOf(initialState('acct-free'))).toEqual([]);
  });
});

describe('system commands', () => {
  it('are valid envelopes issued by SYSTEM at the due instant', () => {
    for (const action of scheduledActionsOf({ ...paid, currentPeriod: '2026-08', trial: { ...trial, expiresAt: '2026-08-04T00:00:00.000Z' } })) {
      const envelope = systemCommandOf('acct-1', action);
      expect(validateCommandEnvelope(envelope).ok).toBe(true);
      expect(envelope).toMatchObject({ issuedAt: action.at, issuedBy: { type: 'SYSTEM' } });
    }
  });
});

describe('scheduler config', () => {
  it('defaults every value and reads the environment', () => {
    expect(schedulerConfigFromEnv({})).toEqual(DEFAULT_SCHEDULER_CONFIG);
    expect(schedulerConfigFromEnv({ LEDGER_SCHEDULER_INTERVAL_MS: '1000', LEDGER_SCHEDULER_BATCH: '50' })).toMatchObject({ intervalMs: 1000, batchSize: 50 });
  });

  it('refuses a value that is not a positive integer', () => {
    expect(() => schedulerConfigFromEnv({ LEDGER_SCHEDULER_CONCURRENCY: '0' })).toThrow('LEDGER_SCHEDULER_CONCURRENCY');
  });
});
