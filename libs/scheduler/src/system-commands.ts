import type { ScheduledAction } from '@ledger/projections';

export const SCHEDULER_ISSUER = { type: 'SYSTEM', id: 'billing-scheduler' } as const;

/**
 * The envelope of a scheduled action. issuedAt is the due instant: the handler takes it as the
 * actionDate when its clock is within the accepted skew (the test clock is stepped onto it), and
 * otherwise uses its own clock (catch-up after downtime), so a renewal is never dated before it was due.
 */
export function systemCommandOf(accountId: string, action: ScheduledAction): Record<string, unknown> {
  const common = { commandId: action.commandId, accountId, issuedAt: action.at, issuedBy: SCHEDULER_ISSUER };
  return action.kind === 'RENEWAL'
    ? Object.assign(common, { type: 'RENEWAL', payload: { period: action.period } })
    : Object.assign(common, { type: 'TRIAL_EXPIRE', payload: {} });
}
