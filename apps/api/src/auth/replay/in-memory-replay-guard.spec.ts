import { InMemoryReplayGuard } from './in-memory-replay-guard';

describe('InMemoryReplayGuard', () => {
  let now = new Date('2026-04-23T00:00:00Z');
  const guard = new InMemoryReplayGuard(() => now);

  it('grants a key once until it expires, then again', async () => {
    const expiresAt = new Date(now.getTime() + 60_000);
    expect(await guard.claimOnce('hmac:K:salt', expiresAt)).toBe(true);
    expect(await guard.claimOnce('hmac:K:salt', expiresAt)).toBe(false);
    expect(await guard.claimOnce('hmac:OTHER:salt', expiresAt)).toBe(true);
    now = new Date(expiresAt.getTime() + 1);
    expect(await guard.claimOnce('hmac:K:salt', new Date(now.getTime() + 60_000))).toBe(true);
  });

  it('forgets expired keys so memory follows live traffic', async () => {
    const fresh = new InMemoryReplayGuard(() => now);
    for (let i = 0; i < 1100; i += 1) await fresh.claimOnce(`k${i}`, new Date(now.getTime() + (i < 1000 ? -1 : 60_000)));
    expect(fresh.size).toBeLessThan(1100);
  });
});
