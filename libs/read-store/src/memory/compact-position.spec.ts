import fc from 'fast-check';
import { encodePosition } from '../position';
import { compactPosition, isAtOrAfter } from './compact-position';

const uint64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const small = fc.bigInt({ min: 0n, max: 1n << 40n });
const position = fc.oneof(
  small.map((value) => ({ commit: value, prepare: value })),
  fc.record({ commit: small, prepare: small }),
  fc.record({ commit: uint64, prepare: uint64 }),
);

describe('compact positions of the in-memory store', () => {
  it('keeps a position whose commit and prepare are one safe integer as that number', () => {
    expect(compactPosition(encodePosition({ commit: 2_600_000n, prepare: 2_600_000n }))).toBe(2_600_000);
    expect(compactPosition(encodePosition({ commit: 0n, prepare: 0n }))).toBe(0);
  });

  it('keeps every other position as its encoded string', () => {
    const unequal = encodePosition({ commit: 7n, prepare: 5n });
    const unsafe = encodePosition({ commit: 1n << 60n, prepare: 1n << 60n });
    expect(compactPosition(unequal)).toBe(unequal);
    expect(compactPosition(unsafe)).toBe(unsafe);
  });

  it('orders compacted positions exactly as the encoded strings order', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const [encodedA, encodedB] = [encodePosition(a), encodePosition(b)];
        expect(isAtOrAfter(compactPosition(encodedA), compactPosition(encodedB))).toBe(encodedA >= encodedB);
      }),
      { numRuns: 2000 },
    );
  });
});
