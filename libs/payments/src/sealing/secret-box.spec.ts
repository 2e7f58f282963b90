import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { SealedValueError, SecretBox } from './secret-box';

const masterKey = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

function flipCharacter(text: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:';
  const replacement = alphabet[(alphabet.indexOf(text[index]) + 1) % alphabet.length];
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('SecretBox', () => {
  const box = new SecretBox(masterKey);

  it('round-trips any text, with a fresh IV each time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (plaintext) => {
        const sealed = box.seal(plaintext);
        expect(sealed).toMatch(/^sealed:v1:[\w-]{16}:[\w-]{22}:[\w-]*$/);
        expect(box.open(sealed)).toBe(plaintext);
        expect(box.seal(plaintext)).not.toBe(sealed);
      }),
    );
    expect(box.open(box.seal('sandbox:4242424242424242'))).toBe('sandbox:4242424242424242');
    expect(SecretBox.isSealed(box.seal('x'))).toBe(true);
    expect(SecretBox.isSealed('sandbox:4242424242424242')).toBe(false);
  });

  it('detects any altered character', () => {
    const sealed = box.seal('sandbox:4242424242424242');
    for (let index = 'sealed:v1:'.length; index < sealed.length; index += 1) {
      expect(() => box.open(flipCharacter(sealed, index))).toThrow(SealedValueError);
    }
  });

  it('refuses truncated, extended and malformed values', () => {
    const sealed = box.seal('secret');
    for (const value of [sealed.slice(0, -1), `${sealed}A`, sealed.replace('v1', 'v2'), 'sealed:v1:::', 'secret', '']) {
      expect(() => box.open(value)).toThrow(SealedValueError);
    }
  });

  it('does not open with another master key or another context', () => {
    const sealed = box.seal('api-secret', 'acct-1');
    expect(box.open(sealed, 'acct-1')).toBe('api-secret');
    expect(() => box.open(sealed, 'acct-2')).toThrow(SealedValueError);
    expect(() => box.open(sealed)).toThrow(SealedValueError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'acct-1')).toThrow(SealedValueError);
  });

  it('requires a 32-byte master key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(RangeError);
  });
});
