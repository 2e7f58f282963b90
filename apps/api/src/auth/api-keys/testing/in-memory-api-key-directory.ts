import { NotFoundError } from '@ledger/errors';
import type { ApiKeyDirectory, IssuedApiKey, ResolvedApiKey } from '../api-key-directory.port';
import { generateApiKey, generateApiSecret } from '../api-key-format';

/** For tests that need keys but not their storage. */
export class InMemoryApiKeyDirectory implements ApiKeyDirectory {
  private readonly keys = new Map<string, ResolvedApiKey & { revoked: boolean }>();

  async issue(accountId: string): Promise<IssuedApiKey> {
    return this.add(accountId, generateApiKey(), generateApiSecret());
  }

  /** Registers a key with a chosen secret, e.g. the seeds' sample values. */
  add(accountId: string, apiKey: string, apiSecret: string): IssuedApiKey {
    this.keys.set(apiKey, { accountId, secret: apiSecret, revoked: false });
    return { apiKey, apiSecret };
  }

  async revoke(apiKey: string, accountId?: string): Promise<void> {
    const key = this.keys.get(apiKey);
    if (key === undefined || (accountId !== undefined && key.accountId !== accountId)) throw new NotFoundError();
    key.revoked = true;
  }

  async resolve(apiKey: string): Promise<ResolvedApiKey | undefined> {
    const key = this.keys.get(apiKey);
    return key === undefined || key.revoked ? undefined : { accountId: key.accountId, secret: key.secret };
  }
}
