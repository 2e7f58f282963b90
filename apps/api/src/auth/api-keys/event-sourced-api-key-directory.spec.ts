import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError, UnavailableError } from '@ledger/errors';
import { type EventStore, EventStoreUnavailableError, openSqliteEventStore } from '@ledger/event-store';
import { SecretBox } from '@ledger/payments';
import { API_KEY_PATTERN } from './api-key-format';
import { EventSourcedApiKeyDirectory } from './event-sourced-api-key-directory';

describe('EventSourcedApiKeyDirectory', () => {
  const clock = () => new Date('2026-04-23T09:15:30.123Z');
  const sealer = new SecretBox(randomBytes(32));
  let dir: string;
  let store: EventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-keys-'));
    store = openSqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues a well-formed key whose secret is stored only sealed', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    const { apiKey, apiSecret } = await directory.issue('ACC-1');
    expect(apiKey).toMatch(API_KEY_PATTERN);
    expect(apiSecret).toMatch(/^[0-9a-f]{64}$/);

    const [event] = await store.readStream(`api-key-${apiKey}`);
    expect(event.type).toBe('ApiKeyIssued.v1');
    expect(event.data).toMatchObject({ apiKey, accountId: 'ACC-1', issuedAt: '2026-04-23T09:15:30.123Z' });
    expect(JSON.stringify({ data: event.data, metadata: event.metadata })).not.toContain(apiSecret);
  });

  it('resolves keys after a restart, from the store', async () => {
    const { apiKey, apiSecret } = await new EventSourcedApiKeyDirectory(store, sealer, clock).issue('ACC-1');
    const restarted = new EventSourcedApiKeyDirectory(store, sealer, clock);
    expect(await restarted.resolve(apiKey)).toStrictEqual({ accountId: 'ACC-1', secret: apiSecret });
  });

  it('caches after the first lookup', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    const { apiKey } = await directory.issue('ACC-1');
    const reads = jest.spyOn(store, 'readStream');
    await directory.resolve(apiKey);
    await directory.resolve(apiKey);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('revokes idempotently, records it, and stops resolving at once in this process', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    const { apiKey } = await directory.issue('ACC-1');
    await directory.resolve(apiKey);
    await directory.revoke(apiKey, 'ACC-1');
    await directory.revoke(apiKey);
    expect(await directory.resolve(apiKey)).toBeUndefined();
    expect((await store.readStream(`api-key-${apiKey}`)).map((event) => event.type)).toEqual(['ApiKeyIssued.v1', 'ApiKeyRevoked.v1']);
  });

  it('refuses to revoke unknown keys and keys of another account', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    const { apiKey } = await directory.issue('ACC-1');
    await expect(directory.revoke(apiKey, 'ACC-2')).rejects.toBeInstanceOf(NotFoundError);
    await expect(directory.revoke('NCSAAAAAAAAAAAAA')).rejects.toBeInstanceOf(NotFoundError);
    await expect(directory.revoke('garbage')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('resolves unknown and malformed keys to undefined', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    expect(await directory.resolve('NCSAAAAAAAAAAAAA')).toBeUndefined();
    expect(await directory.resolve('../../etc')).toBeUndefined();
  });

  it('binds each sealed secret to its key, so a copied secret does not open elsewhere', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    const { apiKey } = await directory.issue('ACC-1');
    const [event] = await store.readStream(`api-key-${apiKey}`);
    expect(() => sealer.open(String(event.data.sealedSecret), 'api-key:NCSAAAAAAAAAAAAA')).toThrow();
  });

  it('reports an unreachable store as Unavailable', async () => {
    const directory = new EventSourcedApiKeyDirectory(store, sealer, clock);
    jest.spyOn(store, 'readStream').mockRejectedValue(new EventStoreUnavailableError('down'));
    await expect(directory.resolve('NCSAAAAAAAAAAAAA')).rejects.toBeInstanceOf(UnavailableError);
  });
});
