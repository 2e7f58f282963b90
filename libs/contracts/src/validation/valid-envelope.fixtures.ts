import type { CommandType } from '../vocabulary';

/** One valid payload per command type, for tests (here and in the ledger's). */
export const VALID_PAYLOADS: Record<CommandType, Record<string, unknown>> = {
  UPGRADE: { toTier: 'ENTERPRISE', seatCount: 5 },
  SEAT_ADD: { seatCount: 8 },
  SEAT_REDUCE_SCHEDULED: { seatCount: 3 },
  ADMIN_SEAT_ADJUST: { seatCount: 10_000 },
  DOWNGRADE_SCHEDULED: { toTier: 'STARTER' },
  CANCEL_SCHEDULED: {},
  REVOKE_SCHEDULED_CHANGE: {},
  RENEWAL: { period: '2026-08' },
  ADMIN_REFUND: { originalLogId: 'CRMSBL260423091530123SBL11122233', amount: 10_000, reason: 'goodwill' },
  TRIAL_START: { trialTier: 'PRO', trialDays: 14, onExpiry: 'CONVERT' },
  TRIAL_EXPIRE: {},
  TRIAL_CANCEL: {},
  PAYMENT_METHOD_UPDATE: { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' },
  USAGE_RECORD: { usageId: 'usage-1', metric: 'messages', quantity: 0 },
  LEGACY_LOG_IMPORT: {
    action: 'UPGRADE',
    actionDate: '2025-12-03T01:02:03.000Z',
    chargeAmount: 55_000,
    refundAmount: 0,
    description: '레거시 결제',
    transactionId: 'legacy-tx-1',
    fromTier: 'FREE',
  },
};

export function validEnvelope(type: CommandType, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    commandId: `cmd-${type.toLowerCase()}-1`,
    type,
    accountId: 'acct_42',
    issuedAt: '2026-04-23T00:15:30.123Z',
    issuedBy: { type: 'ADMIN', id: 'admin-1' },
    payload: { ...VALID_PAYLOADS[type] },
    ...overrides,
  };
}
