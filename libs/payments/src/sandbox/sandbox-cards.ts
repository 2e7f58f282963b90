import type { DeclineCode } from '../payment-gateway.port';

export const SANDBOX_KEY_PREFIX = 'sandbox:';

export type CardCheck = { readonly accepted: true; readonly last4: string } | { readonly accepted: false; readonly declineCode: DeclineCode; readonly message: string };

/**
 * The test cards of domain.md "Sandbox payment gateway", plus Stripe's well-known MASTERCARD test
 * number so the card form's second brand can succeed too; every other card is unknown to the sandbox.
 */
const TEST_CARD_OUTCOMES: Readonly<Record<string, { declineCode: DeclineCode; message: string } | null>> = {
  '4242424242424242': null,
  '5555555555554444': null,
  '4000000000000002': { declineCode: 'card_declined', message: 'The card was declined.' },
  '4000000000009995': { declineCode: 'insufficient_funds', message: 'The card has insufficient funds.' },
};

export function sandboxBillingKeyFor(cardNumber: string): string {
  return `${SANDBOX_KEY_PREFIX}${cardNumber}`;
}

export function checkSandboxBillingKey(billingKey: string): CardCheck {
  const cardNumber = billingKey.startsWith(SANDBOX_KEY_PREFIX) ? billingKey.slice(SANDBOX_KEY_PREFIX.length) : '';
  if (!Object.hasOwn(TEST_CARD_OUTCOMES, cardNumber)) {
    return { accepted: false, declineCode: 'invalid_billing_key', message: 'The billing key is not a sandbox test card.' };
  }
  const decline = TEST_CARD_OUTCOMES[cardNumber];
  return decline ? { accepted: false, ...decline } : { accepted: true, last4: cardNumber.slice(-4) };
}
