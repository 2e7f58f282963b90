import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError } from '@ledger/errors';
import { type EventStore, EventStoreUnavailableError, type RecordedEvent, WrongExpectedRevisionError } from '@ledger/event-store';
import { LRUCache } from 'lru-cache';
import type { AuthClock } from '../principal';
import type { ApiKeyDirectory, IssuedApiKey, ResolvedApiKey } from './api-key-directory.port';
import { API_KEY_ISSUED, API_KEY_REVOKED, type ApiKeyIssuedData, type ApiKeyRevokedData, apiKeyStreamId } from './api-key-events';
import { API_KEY_PATTERN, generateApiKey, generateApiSecret } from './api-key-format';
import type { SecretSealer } from './secret-sealer.port';

export interface ApiKeyDirectoryOptions {
  /**
   * How long a lookup is trusted. Revocation clears this process's cache at once; other api
   * instances see it when their entry expires, so this bounds the multi-instance delay.
   */
  readonly cacheTtlMs?: number;
  readonly cacheMax?: number;
}

type CachedKey = ResolvedApiKey | 'revoked';
const sealingContext = (apiKey: string): string => `api-key:${apiKey}`;
const ISSUE_ATTEMPTS = 3;

const storeFailure = (error: unknown): never => {
  if (error instanceof EventStoreUnavailableError) throw new UnavailableError(undefined, undefined, error);
  throw error;
};

/** API keys as event streams (`api-key-<apiKey>`): durable, auditable, secrets sealed at rest. */
export class EventSourcedApiKeyDirectory implements ApiKeyDirectory {
  private readonly cache: LRUCache<string, CachedKey>;

  constructor(
    private readonly store: EventStore,
    private readonly sealer: SecretSealer,
    private readonly clock: AuthClock,
    options: ApiKeyDirectoryOptions = {},
  ) {
    this.cache = new LRUCache({ max: options.cacheMax ?? 10_000, ttl: options.cacheTtlMs ?? 60_000 });
  }

  async issue(accountId: string): Promise<IssuedApiKey> {
    const apiSecret = generateApiSecret();
    for (let attempt = 1; ; attempt += 1) {
      const apiKey = generateApiKey();
      const sealedSecret = await this.sealer.seal(apiSecret, sealingContext(apiKey));
      const data: ApiKeyIssuedData = { apiKey, accountId, sealedSecret, issuedAt: this.clock().toISOString() };
      try {
        await this.store.append(apiKeyStreamId(apiKey), [{ id: randomUUID(), type: API_KEY_ISSUED, data: { ...data }, metadata: { schema: 1 } }], 'no_stream');
        return { apiKey, apiSecret };
      } catch (error) {
        // 36^13 keys make a collision all but impossible; a few retries settle it.
        if (!(error instanceof WrongExpectedRevisionError)) storeFailure(error);
        if (attempt === ISSUE_ATTEMPTS) throw new ConflictError('API 키를 발급하지 못했습니다. 다시 시도해 주세요.', error);
      }
    }
  }

  async revoke(apiKey: string, accountId?: string): Promise<void> {
    const events = API_KEY_PATTERN.test(apiKey) ? await this.history(apiKey) : [];
    const issued = events.find((event) => event.type === API_KEY_ISSUED)?.data as ApiKeyIssuedData | undefined;
    if (issued === undefined || (accountId !== undefined && issued.accountId !== accountId)) throw new NotFoundError('API 키를 찾을 수 없습니다.');
    this.cache.delete(apiKey);
    if (events.some((event) => event.type === API_KEY_REVOKED)) return;
    const data: ApiKeyRevokedData = { apiKey, accountId: issued.accountId, revokedAt: this.clock().toISOString() };
    const lastRevision = events[events.length - 1].revision;
    await this.store
      .append(apiKeyStreamId(apiKey), [{ id: randomUUID(), type: API_KEY_REVOKED, data: { ...data }, metadata: { schema: 1 } }], lastRevision)
      .catch((error: unknown) => (error instanceof WrongExpectedRevisionError ? this.revoke(apiKey, accountId) : storeFailure(error)));
  }

  async resolve(apiKey: string): Promise<ResolvedApiKey | undefined> {
    if (!API_KEY_PATTERN.test(apiKey)) return undefined;
    const cached = this.cache.get(apiKey) ?? (await this.load(apiKey));
    return cached === 'revoked' || cached === undefined ? undefined : cached;
  }

  /** Unknown keys are not cached: anyone can invent them, and they would push real keys out. */
  private async load(apiKey: string): Promise<CachedKey | undefined> {
    const events = await this.history(apiKey);
    const issued = events.find((event) => event.type === API_KEY_ISSUED)?.data as ApiKeyIssuedData | undefined;
    if (issued === undefined) return undefined;
    const entry: CachedKey = events.some((event) => event.type === API_KEY_REVOKED)
      ? 'revoked'
      : { accountId: issued.accountId, secret: await this.sealer.open(issued.sealedSecret, sealingContext(apiKey)) };
    this.cache.set(apiKey, entry);
    return entry;
  }

  private history(apiKey: string): Promise<RecordedEvent[]> {
    return this.store.readStream(apiKeyStreamId(apiKey)).catch(storeFailure);
  }
}
