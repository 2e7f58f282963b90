export const TIERS = ['FREE', 'STARTER', 'PRO', 'ENTERPRISE'] as const;
export type Tier = (typeof TIERS)[number];

export interface TierSpec {
  readonly tier: Tier;
  readonly rank: number;
  /** KRW per seat per month, VAT excluded. */
  readonly monthlyPricePerSeat: number;
  readonly includedMessages: number;
  /** null = unlimited. */
  readonly contactsLimit: number | null;
  /** null = unlimited. */
  readonly maxSeats: number | null;
  /** KRW per message above the included messages; null = hard limit, never billed. */
  readonly overagePricePerMessage: number | null;
}

export interface Catalog {
  readonly catalogVersion: string;
  readonly tiers: Readonly<Record<Tier, TierSpec>>;
}

export const DEFAULT_CATALOG: Catalog = {
  catalogVersion: '2026-01',
  tiers: {
    FREE: { tier: 'FREE', rank: 0, monthlyPricePerSeat: 0, includedMessages: 300, contactsLimit: 1_000, maxSeats: 1, overagePricePerMessage: null },
    STARTER: { tier: 'STARTER', rank: 1, monthlyPricePerSeat: 19_000, includedMessages: 3_000, contactsLimit: 10_000, maxSeats: 20, overagePricePerMessage: 15 },
    PRO: { tier: 'PRO', rank: 2, monthlyPricePerSeat: 49_000, includedMessages: 20_000, contactsLimit: 100_000, maxSeats: 100, overagePricePerMessage: 12 },
    ENTERPRISE: { tier: 'ENTERPRISE', rank: 3, monthlyPricePerSeat: 99_000, includedMessages: 100_000, contactsLimit: null, maxSeats: null, overagePricePerMessage: 9 },
  },
};

export const isTier = (value: unknown): value is Tier => typeof value === 'string' && (TIERS as readonly string[]).includes(value);

export const tierSpec = (catalog: Catalog, tier: Tier): TierSpec => catalog.tiers[tier];

export const priceOf = (catalog: Catalog, tier: Tier): number => catalog.tiers[tier].monthlyPricePerSeat;

/** Positive when `a` ranks above `b`. */
export const compareTiers = (catalog: Catalog, a: Tier, b: Tier): number => catalog.tiers[a].rank - catalog.tiers[b].rank;

export const exceedsMaxSeats = (catalog: Catalog, tier: Tier, seats: number): boolean => {
  const max = catalog.tiers[tier].maxSeats;
  return max !== null && seats > max;
};
