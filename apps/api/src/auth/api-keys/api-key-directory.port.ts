export const API_KEY_DIRECTORY = Symbol('API_KEY_DIRECTORY');

export interface IssuedApiKey {
  readonly apiKey: string;
  /** Shown once, at issue; only its sealed form is stored. */
  readonly apiSecret: string;
}

export interface ResolvedApiKey {
  readonly accountId: string;
  readonly secret: string;
}

export interface ApiKeyDirectory {
  issue(accountId: string): Promise<IssuedApiKey>;
  /** Idempotent. Throws NotFoundError for an unknown key or one of another account (when given). */
  revoke(apiKey: string, accountId?: string): Promise<void>;
  /** undefined for unknown and revoked keys alike. */
  resolve(apiKey: string): Promise<ResolvedApiKey | undefined>;
}
