import { chainEvents, chainHash, GENESIS_HASH, verifyChain } from './hash-chain';
import { billingLogId, BILLING_LOG_ID_PATTERN, eventId, SNAPSHOT_ID_PATTERN, snapshotId } from './ids';

describe('ids', () => {
  it('derive billing-log and snapshot ids from the KST instant and the command', () => {
    const id = billingLogId('2026-04-23T00:15:30.123Z', 'cmd-1', 0);
    expect(id).toMatch(/^CRMSBL260423091530123SBL\d{8}$/);
    expect(id).toMatch(BILLING_LOG_ID_PATTERN);
    expect(billingLogId('2026-04-23T00:15:30.123Z', 'cmd-1', 0)).toBe(id);
    expect(billingLogId('2026-04-23T00:15:30.123Z', 'cmd-1', 1)).not.toBe(id);
    expect(snapshotId('2026-07-31T15:00:00.000Z', 'cmd-1', 0)).toMatch(SNAPSHOT_ID_PATTERN);
    expect(snapshotId('2026-07-31T15:00:00.000Z', 'cmd-1', 0)).toMatch(/^CRMSBS260801000000000SBS/);
  });

  it('event ids are deterministic UUID v5', () => {
    expect(eventId('cmd-1', 0)).toBe(eventId('cmd-1', 0));
    expect(eventId('cmd-1', 0)).not.toBe(eventId('cmd-1', 1));
    expect(eventId('cmd-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('hash chain', () => {
  const events = [0, 1, 2].map((n) => ({ type: 'UsageRecorded.v1', data: { n } }));

  it('links revision 0 to 64 zeros and verifies', () => {
    const chained = chainEvents(events);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(chained[0].prevHash).toBe(GENESIS_HASH);
    expect(chained[1].prevHash).toBe(chained[0].hash);
    expect(chained[0].hash).toBe(chainHash(GENESIS_HASH, { type: 'UsageRecorded.v1', data: { n: 0 }, revision: 0n }));
    expect(verifyChain(chained)).toBeNull();
  });

  it('reports the first revision that was edited, deleted or reordered', () => {
    const chained = chainEvents(events);
    expect(verifyChain([chained[0], { ...chained[1], data: { n: 9 } }, chained[2]])).toBe(1);
    expect(verifyChain([chained[0], chained[2]])).toBe(1);
    expect(verifyChain([chained[1], chained[0], chained[2]])).toBe(1);
  });
});
