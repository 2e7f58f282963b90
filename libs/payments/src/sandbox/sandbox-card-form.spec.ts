import fc from 'fast-check';
import { InvalidCardNumberError, issueSandboxBillingKey, passesLuhn } from './sandbox-card-form';
import { checkSandboxBillingKey } from './sandbox-cards';

function reasonOf(cardNumber: string): string | undefined {
  try {
    issueSandboxBillingKey(cardNumber);
    return undefined;
  } catch (error) {
    return error instanceof InvalidCardNumberError ? error.reason : 'unexpected';
  }
}

describe('issueSandboxBillingKey', () => {
  it.each([
    ['4242424242424242', 'VISA', '4242'],
    ['4000 0000 0000 0002', 'VISA', '0002'],
    ['4000-0000-0000-9995', 'VISA', '9995'],
    ['5555555555554444', 'MASTERCARD', '4444'],
  ])('issues a sandbox key for %s', (cardNumber, brand, last4) => {
    const issued = issueSandboxBillingKey(cardNumber);
    expect(issued).toEqual({ billingKey: `sandbox:${cardNumber.replace(/\D/g, '')}`, brand, last4 });
  });

  it('issues exactly the keys the gateway knows for the test cards', () => {
    for (const card of ['4242424242424242', '4000000000000002', '4000000000009995']) {
      expect(checkSandboxBillingKey(issueSandboxBillingKey(card).billingKey)).not.toMatchObject({ declineCode: 'invalid_billing_key' });
    }
  });

  it.each([
    ['4242424242424241', 'checksum'],
    ['378282246310005', 'brand'],
    ['6011111111111117', 'brand'],
    ['4242', 'format'],
    ['4242x424242424242', 'format'],
    ['', 'format'],
    ['42424242424242424242', 'format'],
  ])('rejects %s (%s)', (cardNumber, reason) => {
    expect(reasonOf(cardNumber)).toBe(reason);
  });

  it('detects every single-digit typo (Luhn)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '4242424242424242'.split('').map(Number);
        digits[position] = (digits[position] + delta) % 10;
        return !passesLuhn(digits.join(''));
      }),
    );
  });
});
