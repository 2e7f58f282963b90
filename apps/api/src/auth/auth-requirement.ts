import type { Role } from './principal';

export type AuthMode = 'hmac' | 'jwt' | 'any';

export interface AuthRequirement {
  readonly mode: AuthMode;
  /** Empty: any authenticated role. */
  readonly roles: readonly Role[];
}

export const AUTH_REQUIREMENT = 'ledger:auth-requirement';
