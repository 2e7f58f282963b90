import type { CommandType } from '@ledger/domain';

/** KST wall clock → ISO UTC: `kst('2026-04-23 09:15:30.123')` = `2026-04-23T00:15:30.123Z`. */
export const kst = (wallClock: string): string => new Date(`${wallClock.replace(' ', 'T')}+09:00`).toISOString();

export const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };
export const VISA_DECLINED = { billingKey: 'sandbox:4000000000000002', brand: 'VISA', last4: '0002' };

type IssuerType = 'USER' | 'SYSTEM' | 'ADMIN';

const ISSUER_BY_TYPE: Partial<Record<CommandType, IssuerType>> = {
  ADMIN_SEAT_ADJUST: 'ADMIN',
  ADMIN_REFUND: 'ADMIN',
  LEGACY_LOG_IMPORT: 'ADMIN',
  RENEWAL: 'SYSTEM',
  TRIAL_EXPIRE: 'SYSTEM',
};

export interface EnvelopeOptions {
  readonly commandId?: string;
  readonly issuedBy?: IssuerType;
  readonly dryRun?: boolean;
}

let sequence = 0;

/** A command envelope as an internal service would send it (domain.md "Commands"). */
export function envelope(accountId: string, type: CommandType, payload: Record<string, unknown>, issuedAt: string, options: EnvelopeOptions = {}): Record<string, unknown> {
  sequence += 1;
  const issuer = options.issuedBy ?? ISSUER_BY_TYPE[type] ?? 'USER';
  const commandId = options.commandId ?? (type === 'RENEWAL' ? `renewal:${accountId}:${String(payload.period)}` : `e2e-${type.toLowerCase()}-${sequence}-${Date.now()}`);
  return {
    commandId,
    type,
    accountId,
    issuedAt,
    issuedBy: { type: issuer, id: issuer === 'USER' ? 'user-1' : issuer.toLowerCase() },
    payload,
    ...(options.dryRun === undefined ? {} : { dryRun: options.dryRun }),
  };
}
