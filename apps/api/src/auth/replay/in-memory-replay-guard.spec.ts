import { InMemoryReplayGuard, REPLAY_BUCKET_MS } from './in-memory-replay-guard';

describe('InMemoryReplayGuard', () => {
  const start = new Date('2026-04-23T00:00:30Z').getTime();
  let now = start;
  const clock = () => new Date(now);
  const at = (ms: number) => new Date(ms);

  beforeEach(() => (now = start));

  it('grants a key once, refuses it at least until it expires, and forgets it a bucket later', async () => {
    const guard = new InMemoryReplayGuard(clock);
    const expiresAt = start + 16 * 60_000;
    expect(await guard.claimOnce('hmac:K:salt', at(expiresAt))).toBe(true);
    expect(await guard.claimOnce('hmac:K:salt', at(expiresAt))).toBe(false);
    expect(await guard.claimOnce('hmac:OTHER:salt', at(expiresAt))).toBe(true);
    now = expiresAt - 1;
    expect(await guard.claimOnce('hmac:K:salt', at(expiresAt + 60_000))).toBe(false);
    now = expiresAt + REPLAY_BUCKET_MS;
    expect(await guard.claimOnce('hmac:K:salt', at(now + 60_000))).toBe(true);
  });

  it('refuses a key claimed again with a different expiry', async () => {
    const guard = new InMemoryReplayGuard(clock);
    expect(await guard.claimOnce('hmac:K:salt', at(start + 5 * 60_000))).toBe(true);
    expect(await guard.claimOnce('hmac:K:salt', at(start + 14 * 60_000))).toBe(false);
    expect(await guard.claimOnce('hmac:K:salt', at(start + 60_000))).toBe(false);
  });

  it('drops whole minutes once they have passed, so its size follows live traffic', async () => {
    const guard = new InMemoryReplayGuard(clock);
    for (let i = 0; i < 3_000; i += 1) await guard.claimOnce(`hmac:K:${i}`, at(start + (i % 3) * REPLAY_BUCKET_MS + 1_000));
    expect(guard.size).toBe(3_000);
    now = start + REPLAY_BUCKET_MS;
    await guard.claimOnce('hmac:K:fresh', at(now + 10 * 60_000));
    expect(guard.size).toBe(2_001);
    now = start + 3 * REPLAY_BUCKET_MS + 30_000;
    await guard.claimOnce('hmac:K:fresher', at(now + 10 * 60_000));
    expect(guard.size).toBe(2);
  });

  it('does not keep a key whose expiry has already passed', async () => {
    const guard = new InMemoryReplayGuard(clock);
    expect(await guard.claimOnce('hmac:K:late', at(start - 2 * REPLAY_BUCKET_MS))).toBe(true);
    expect(guard.size).toBe(0);
  });
});
