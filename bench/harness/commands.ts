/** Command envelopes as producers send them (HTTP body or Kafka value), for the benchmark load. */
export interface EnvelopeSource {
  /** Issued-at instant of every command: inside the handler's accepted skew, so it is the action date. */
  readonly issuedAt: () => string;
}

const issuedBy = { type: 'USER', id: 'bench-user' } as const;

export const benchAccountId = (index: number): string => `acct-bench-${String(index).padStart(6, '0')}`;

/** A usage meter reading: the highest-volume command, no payment, one event per command. */
export function usageRecord(source: EnvelopeSource, accountId: string, sequence: number): Record<string, unknown> {
  return {
    commandId: `usage-${accountId}-${sequence}`,
    type: 'USAGE_RECORD',
    accountId,
    issuedAt: source.issuedAt(),
    issuedBy,
    payload: { usageId: `u-${sequence}`, metric: 'messages', quantity: 1 + (sequence % 97) },
  };
}

export function paymentMethodUpdate(source: EnvelopeSource, accountId: string): Record<string, unknown> {
  return {
    commandId: `card-${accountId}`,
    type: 'PAYMENT_METHOD_UPDATE',
    accountId,
    issuedAt: source.issuedAt(),
    issuedBy,
    payload: { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' },
  };
}

export function upgrade(source: EnvelopeSource, accountId: string, toTier: string, seatCount: number): Record<string, unknown> {
  return {
    commandId: `upgrade-${accountId}-${toTier}`,
    type: 'UPGRADE',
    accountId,
    issuedAt: source.issuedAt(),
    issuedBy,
    payload: { toTier, seatCount },
  };
}

export function seatAdd(source: EnvelopeSource, accountId: string, seatCount: number): Record<string, unknown> {
  return {
    commandId: `seats-${accountId}-${seatCount}`,
    type: 'SEAT_ADD',
    accountId,
    issuedAt: source.issuedAt(),
    issuedBy,
    payload: { seatCount },
  };
}
