import type { RecordedEvent } from '@ledger/event-store';

interface PricedChange {
  readonly fromSeats: number;
  readonly toSeats: number;
  readonly fromTier?: string;
  readonly toTier?: string;
  readonly tier?: string;
}

/** A priced seat or tier change whose `from` side is not what the stream held before it: a lost update. */
export interface StaleChange {
  readonly revision: string;
  readonly type: string;
  readonly priced: { readonly tier: string; readonly seats: number };
  readonly actual: { readonly tier: string; readonly seats: number };
}

/**
 * Walks an account's events and checks that every charged upgrade and seat addition was priced from
 * the plan it actually replaced (the tier and seat count left by the previous change in the stream).
 * Under two writers, a charge decided on an old state and appended after a newer one shows here.
 */
export function staleChanges(events: readonly RecordedEvent[]): { stale: StaleChange[]; finalSeats: number; finalTier: string } {
  let seats = 1;
  let tier = 'FREE';
  const stale: StaleChange[] = [];
  for (const event of events) {
    const charge = (event.data as { charge?: PricedChange }).charge;
    if (!charge || (event.type !== 'SeatsAdded.v1' && event.type !== 'SubscriptionUpgraded.v1')) continue;
    const pricedTier = charge.fromTier ?? charge.tier ?? tier;
    if (charge.fromSeats !== seats || pricedTier !== tier) {
      stale.push({ revision: String(event.revision), type: event.type, priced: { tier: pricedTier, seats: charge.fromSeats }, actual: { tier, seats } });
    }
    seats = charge.toSeats;
    tier = charge.toTier ?? tier;
  }
  return { stale, finalSeats: seats, finalTier: tier };
}
