import { DAY_MS, type Tier, toIso } from '@ledger/domain';
import type { PlanDocument } from '@ledger/projections';
import { VISA_DECLINED, VISA_OK } from '../../../libs/ledger/src/testing/ledger-fixture';

/** One customer action of the simulated year; the payload is computed when it is sent, from the live plan. */
export interface Intent {
  readonly at: string;
  readonly accountId: string;
  readonly type: string;
  readonly payload: (plan: PlanDocument | undefined) => Record<string, unknown>;
}

/** mulberry32: a tiny seeded PRNG, so a failing year can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAID_TIERS: readonly Tier[] = ['STARTER', 'PRO', 'ENTERPRISE'];

/** Random lifecycles over [start, start + days): subscriptions, seats, scheduled changes, trials, usage, declining cards. */
export function generateYear(accounts: number, seed: number, start: string, days: number): Intent[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const instant = (fromDay: number, toDay: number): string => toIso(Date.parse(start) + Math.floor((fromDay + random() * (toDay - fromDay)) * DAY_MS / 60_000) * 60_000);
  const intents: Intent[] = [];
  for (let index = 0; index < accounts; index++) {
    const accountId = `acct-year-${index}`;
    const add = (at: string, type: string, payload: Intent['payload'] = () => ({})) => intents.push({ at, accountId, type, payload });
    const profile = random();
    if (profile < 0.6) {
      const subscribedAt = instant(0, 60);
      add(subscribedAt, 'PAYMENT_METHOD_UPDATE', () => VISA_OK);
      add(toIso(Date.parse(subscribedAt) + 60_000), 'UPGRADE', () => ({ toTier: pick(PAID_TIERS.slice(0, 2)), seatCount: 1 + Math.floor(random() * 4) }));
      if (random() < 0.25) {
        const declinesFrom = 60 + random() * 240;
        add(instant(declinesFrom, declinesFrom + 1), 'PAYMENT_METHOD_UPDATE', () => VISA_DECLINED);
        if (random() < 0.5) add(instant(declinesFrom + 20, declinesFrom + 40), 'PAYMENT_METHOD_UPDATE', () => VISA_OK);
      }
    } else if (profile < 0.8) {
      if (random() < 0.6) add(instant(0, 5), 'PAYMENT_METHOD_UPDATE', () => VISA_OK);
      add(instant(5, 300), 'TRIAL_START', () => ({ trialTier: pick(PAID_TIERS), trialDays: 1 + Math.floor(random() * 30), onExpiry: pick(['REVERT', 'CONVERT']) }));
    }
    for (let month = 0; month < days / 30.5; month++) {
      const from = month * 30.5;
      add(instant(from, from + 30), 'USAGE_RECORD', () => ({ usageId: `u-${accountId}-${month}`, metric: 'messages', quantity: Math.floor(random() * 25_000) }));
      const roll = random();
      if (roll < 0.12) add(instant(from, from + 30), 'SEAT_ADD', (plan) => ({ seatCount: (plan?.state.seatCount ?? 1) + 1 }));
      else if (roll < 0.2) add(instant(from, from + 30), 'SEAT_REDUCE_SCHEDULED', () => ({ seatCount: 1 }));
      else if (roll < 0.26) add(instant(from, from + 30), 'DOWNGRADE_SCHEDULED', () => ({ toTier: 'STARTER' }));
      else if (roll < 0.3) add(instant(from, from + 30), 'CANCEL_SCHEDULED');
      else if (roll < 0.34) add(instant(from, from + 30), 'REVOKE_SCHEDULED_CHANGE');
      else if (roll < 0.4) add(instant(from, from + 30), 'TRIAL_START', () => ({ trialTier: 'ENTERPRISE', trialDays: 1 + Math.floor(random() * 20), onExpiry: pick(['REVERT', 'CONVERT']) }));
    }
  }
  return intents.sort((a, b) => a.at.localeCompare(b.at) || a.accountId.localeCompare(b.accountId));
}
