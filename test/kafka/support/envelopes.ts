/** Command envelopes as JSON values of Kafka messages (domain.md "Commands"). */
export const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };

export interface EnvelopeOptions {
  readonly issuedAt?: string;
  readonly issuedBy?: { type: string; id: string };
}

export function commandEnvelope(commandId: string, accountId: string, type: string, payload: Record<string, unknown>, options: EnvelopeOptions = {}) {
  return {
    commandId,
    type,
    accountId,
    issuedAt: options.issuedAt ?? new Date().toISOString(),
    issuedBy: options.issuedBy ?? { type: 'USER', id: 'user-1' },
    payload,
  };
}

export const asMessage = (envelope: { accountId: string }) => ({ key: envelope.accountId, value: JSON.stringify(envelope) });

/**
 * A realistic stream of one account: card, upgrade (a charge), usage, and two seat additions
 * (charges) among the usage records. `count` ≥ 12.
 */
export function accountCommands(accountId: string, count: number, issuedAt = new Date().toISOString()) {
  const seatAddAt = new Map([[5, 3], [10, 4]]);
  return Array.from({ length: count }, (_, index) => {
    const commandId = `${accountId}-c${String(index).padStart(3, '0')}`;
    if (index === 0) return commandEnvelope(commandId, accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK, { issuedAt });
    if (index === 1) return commandEnvelope(commandId, accountId, 'UPGRADE', { toTier: 'PRO', seatCount: 2 }, { issuedAt });
    const seats = seatAddAt.get(index);
    if (seats) return commandEnvelope(commandId, accountId, 'SEAT_ADD', { seatCount: seats }, { issuedAt });
    return commandEnvelope(commandId, accountId, 'USAGE_RECORD', { usageId: `${commandId}-u`, metric: 'messages', quantity: index }, { issuedAt });
  });
}

/** Commands of each account that move money (UPGRADE and the two SEAT_ADDs). */
export const CHARGES_PER_ACCOUNT = 3;
