export const ROLES = ['customer', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who is calling. For a customer, `accountId` is the only account the request may touch. */
export interface Principal {
  readonly accountId: string;
  readonly role: Role;
  /** The apiKey (HMAC) or `jwt:<jti or sub>`; safe to log, never a secret. */
  readonly credentialId: string;
  readonly via: 'hmac' | 'jwt';
}

/** The authentication clock. Always the real one: the ledger's test clock must never move auth windows. */
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');
export type AuthClock = () => Date;
export const realClock: AuthClock = () => new Date();
