import { DAY_MS, toIso, toMillis } from '@ledger/domain';
import type { DemoStep } from './demo-step';

const TRIAL_DAYS = 14;

/** A FREE account three days into a PRO trial that reverts at expiry (the scheduler expires it). */
export function trialAccountSteps(accountId: string, now: string): DemoStep[] {
  const daysAgo = (days: number): string => toIso(toMillis(now) - days * DAY_MS);
  return [
    {
      at: daysAgo(3),
      accountId,
      commandId: `demo:${accountId}:trial-start`,
      type: 'TRIAL_START',
      issuedBy: 'USER',
      payload: { trialTier: 'PRO', trialDays: TRIAL_DAYS, onExpiry: 'REVERT' },
    },
    {
      at: daysAgo(1),
      accountId,
      commandId: `demo:${accountId}:messages`,
      type: 'USAGE_RECORD',
      issuedBy: 'USER',
      payload: { usageId: `demo:${accountId}:messages`, metric: 'messages', quantity: 850 },
    },
  ];
}
