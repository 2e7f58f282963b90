/** The catalog version and every price an event carries, found wherever the event keeps them. */
export interface CatalogFacts {
  readonly catalogVersion: string | null;
  /** Dotted path in the event data → KRW (monthly prices per seat, overage prices). */
  readonly prices: Readonly<Record<string, number>>;
}

const PRICE_KEY = /(Price|PricePerMessage)$/;

export function catalogFactsOf(data: Record<string, unknown>): CatalogFacts {
  let catalogVersion: string | null = null;
  const prices: Record<string, number> = {};
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${path}[${index}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (key === 'catalogVersion' && typeof child === 'string') catalogVersion ??= child;
      else if (PRICE_KEY.test(key) && typeof child === 'number') prices[childPath] = child;
      else walk(child, childPath);
    }
  };
  walk(data, '');
  return { catalogVersion, prices };
}
