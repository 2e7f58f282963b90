import { sandboxBillingKeyFor } from './sandbox-cards';

export type CardBrand = 'VISA' | 'MASTERCARD';

export interface IssuedBillingKey {
  readonly billingKey: string;
  readonly brand: CardBrand;
  readonly last4: string;
}

export type InvalidCardReason = 'format' | 'brand' | 'checksum';

export class InvalidCardNumberError extends Error {
  constructor(readonly reason: InvalidCardReason, message: string) {
    super(message);
    this.name = 'InvalidCardNumberError';
  }
}

const BRAND_BY_FIRST_DIGIT: Readonly<Record<string, CardBrand>> = { '4': 'VISA', '5': 'MASTERCARD' };

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * What the portal's sandbox card form does with a typed card number: returns the billing key the
 * ledger stores. Only the test cards of domain.md move money; other valid numbers are refused at
 * charge time with `invalid_billing_key`, as a real gateway refuses an unknown card.
 */
export function issueSandboxBillingKey(cardNumber: string): IssuedBillingKey {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits)) throw new InvalidCardNumberError('format', 'A card number has 13 to 19 digits.');
  const brand = BRAND_BY_FIRST_DIGIT[digits[0]];
  if (!brand) throw new InvalidCardNumberError('brand', 'Only VISA and MASTERCARD cards are accepted.');
  if (!passesLuhn(digits)) throw new InvalidCardNumberError('checksum', 'The card number is not valid.');
  return { billingKey: sandboxBillingKeyFor(digits), brand, last4: digits.slice(-4) };
}
