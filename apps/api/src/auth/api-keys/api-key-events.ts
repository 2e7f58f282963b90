/** Event types of `api-key-<apiKey>` streams; permanent contract like every event type. */
export const API_KEY_ISSUED = 'ApiKeyIssued.v1';
export const API_KEY_REVOKED = 'ApiKeyRevoked.v1';

export interface ApiKeyIssuedData {
  readonly apiKey: string;
  readonly accountId: string;
  readonly sealedSecret: string;
  readonly issuedAt: string;
}

export interface ApiKeyRevokedData {
  readonly apiKey: string;
  readonly accountId: string;
  readonly revokedAt: string;
}

export const apiKeyStreamId = (apiKey: string): string => `api-key-${apiKey}`;
