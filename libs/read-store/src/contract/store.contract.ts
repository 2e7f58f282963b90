import { describe, expect, it } from '@jest/globals';
import { ReadStoreUnavailableError } from '../read-store.errors';
import { at, type ContractContext } from './contract-context';

const MINUTE = 60_000;

export function describeStoreContract(context: ContractContext): void {
  describe('checkpoints', () => {
    it('is undefined until set, then returns the last position set for that name only', async () => {
      const { checkpoints } = context.store();
      const name = context.uniqueKey('billing-logs');
      const other = context.uniqueKey('plans');
      expect(await checkpoints.get(name)).toBeUndefined();
      await checkpoints.set(name, { commit: 12n, prepare: 10n });
      await checkpoints.set(other, at(3));
      expect(await checkpoints.get(name)).toEqual({ commit: 12n, prepare: 10n });
      await checkpoints.set(name, at(1n << 63n));
      expect(await checkpoints.get(name)).toEqual(at(1n << 63n));
      expect(await checkpoints.get(other)).toEqual(at(3));
    });

    it('can be set back, so a rebuild can restart a projection', async () => {
      const { checkpoints } = context.store();
      const name = context.uniqueKey('rebuild');
      await checkpoints.set(name, at(50));
      await checkpoints.set(name, at(0));
      expect(await checkpoints.get(name)).toEqual(at(0));
    });
  });

  describe('claimOnce (HMAC salt-replay cache)', () => {
    it('grants a key once, refuses it while held, and grants it again after expiry', async () => {
      const store = context.store();
      const key = context.uniqueKey('apikey:salt');
      const expiry = () => new Date(context.clock.now().getTime() + 15 * MINUTE);
      const firstExpiry = expiry();
      expect(await store.claimOnce(key, firstExpiry)).toBe(true);
      expect(await store.claimOnce(key, expiry())).toBe(false);
      expect(await store.claimOnce(context.uniqueKey('apikey:other'), expiry())).toBe(true);
      context.clock.advance(15 * MINUTE - 1);
      expect(await store.claimOnce(key, expiry())).toBe(false);
      context.clock.advance(1);
      expect(await store.claimOnce(key, expiry())).toBe(true);
      expect(await store.claimOnce(key, expiry())).toBe(false);
    });

    it('grants a contested key to exactly one of concurrent claimants, also after expiry', async () => {
      const store = context.store();
      const key = context.uniqueKey('apikey:race');
      const claimAll = () => Promise.all(Array.from({ length: 8 }, () => store.claimOnce(key, new Date(context.clock.now().getTime() + MINUTE))));
      expect((await claimAll()).filter(Boolean)).toHaveLength(1);
      context.clock.advance(MINUTE);
      expect((await claimAll()).filter(Boolean)).toHaveLength(1);
    });

    it('refuses an expiry that is not in the future', async () => {
      await expect(context.store().claimOnce(context.uniqueKey('k'), context.clock.now())).rejects.toThrow(RangeError);
    });
  });

  describe('lifecycle', () => {
    it('creates its indexes idempotently and answers ping until closed', async () => {
      const store = await context.create({ clock: context.clock.now });
      try {
        await store.ensureIndexes();
        await store.ensureIndexes();
        await expect(store.ping()).resolves.toBeUndefined();
      } finally {
        await store.close();
      }
      await expect(store.ping()).rejects.toThrow(ReadStoreUnavailableError);
      await expect(store.collection('any').get('x')).rejects.toThrow(ReadStoreUnavailableError);
      await store.close();
      await context.dispose(store);
    });
  });
}
