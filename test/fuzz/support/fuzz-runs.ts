import fc from 'fast-check';
import { COMMAND_TYPES } from '@ledger/domain';

/**
 * Cases per surface. `npm test` runs the quick variant; the full run is
 * `LEDGER_FUZZ_RUNS=10000 npx jest test/fuzz` (README "Reliability and security").
 */
export const fuzzRuns = (quick: number): number => {
  const configured = process.env.LEDGER_FUZZ_RUNS;
  if (configured === undefined) return quick;
  const runs = Number(configured);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`LEDGER_FUZZ_RUNS must be a positive integer, got "${configured}"`);
  return runs;
};

/** A seed printed on failure reproduces it: `LEDGER_FUZZ_SEED=<seed>`. */
export const fuzzParameters = (quick: number): fc.Parameters<unknown> => ({
  numRuns: fuzzRuns(quick),
  ...(process.env.LEDGER_FUZZ_SEED === undefined ? {} : { seed: Number(process.env.LEDGER_FUZZ_SEED) }),
});

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

/** A real-looking envelope, so mutations reach the payload rules and not only the first check. */
const envelopeLike = fc.record(
  {
    commandId: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
    type: fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.string()),
    accountId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/), fc.string(), fc.constant(null)),
    issuedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string()),
    issuedBy: fc.oneof(fc.record({ type: fc.constantFrom('USER', 'SYSTEM', 'ADMIN', 'ROOT'), id: fc.string() }), fc.jsonValue()),
    payload: fc.oneof(
      fc.record({ toTier: fc.constantFrom('FREE', 'STARTER', 'PRO', 'ENTERPRISE', 'X'), seatCount: fc.oneof(fc.integer(), fc.double(), fc.string()) }, { requiredKeys: [] }),
      fc.record({ billingKey: fc.string(), brand: fc.string(), last4: fc.string() }, { requiredKeys: [] }),
      fc.record({ usageId: fc.string(), metric: fc.string(), quantity: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }),
      fc.jsonValue(),
    ),
    dryRun: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** `__proto__` and friends as own keys, exactly as JSON.parse produces them from a message. */
const withPollutingKeys = fc
  .tuple(fc.constantFrom(...POLLUTING_KEYS), fc.jsonValue(), envelopeLike, fc.constantFrom('root', 'payload', 'issuedBy'))
  .map(([key, value, envelope, where]) => {
    const injected = `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'},"polluted":true}`;
    const text = JSON.stringify(envelope);
    if (where === 'root' || text === '{}') return JSON.parse(`{${JSON.stringify(key)}:${injected},${text.slice(1)}`.replace(/,}$/, '}')) as unknown;
    return JSON.parse(`{"${where}":${injected},${text.slice(1)}`.replace(/,}$/, '}')) as unknown;
  });

/** What a command intake may receive once parsed: anything JSON, envelope-like or hostile. */
export const parsedCommandValue: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), envelopeLike, withPollutingKeys, fc.anything());

/** The same as raw message bytes: JSON texts, truncated JSON, invalid UTF-8, empty and huge values. */
export const rawCommandBytes: fc.Arbitrary<Buffer | null> = fc.oneof(
  fc.constant(null),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.oneof(fc.jsonValue(), envelopeLike, withPollutingKeys).map((value) => Buffer.from(JSON.stringify(value) ?? '', 'utf8')),
  fc.tuple(envelopeLike, fc.nat()).map(([value, cut]) => {
    const text = JSON.stringify(value);
    return Buffer.from(text.slice(0, cut % (text.length + 1)), 'utf8');
  }),
  fc.integer({ min: 64 * 1024 - 8, max: 64 * 1024 + 64 }).map((size) => Buffer.from(`{"pad":"${'x'.repeat(size)}"}`)),
);
