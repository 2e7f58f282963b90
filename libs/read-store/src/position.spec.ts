import fc from 'fast-check';
import { decodePosition, encodePosition } from './position';

const uint64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const position = fc.record({ commit: uint64, prepare: uint64 });
const compare = (a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;

describe('encoded positions', () => {
  it('round-trip and sort as strings exactly as the positions sort numerically', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        expect(decodePosition(encodePosition(a))).toEqual(a);
        const [x, y] = [encodePosition(a), encodePosition(b)];
        expect(Math.sign(x < y ? -1 : x > y ? 1 : 0)).toBe(compare(a, b));
      }),
    );
  });

  it('refuses values outside unsigned 64 bits and malformed strings', () => {
    expect(() => encodePosition({ commit: 1n << 64n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodePosition({ commit: 0n, prepare: -1n })).toThrow(RangeError);
    expect(() => decodePosition('12/34')).toThrow('Not an encoded read-store position');
  });
});
