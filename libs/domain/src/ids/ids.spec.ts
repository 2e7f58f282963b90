import fc from 'fast-check';
import stableStringify from 'fast-json-stable-stringify';
import { v5 as uuidV5 } from 'uuid';
import { canonicalContentJson, chainEvents, chainHash, GENESIS_HASH, verifyChain } from './hash-chain';
import { billingLogId, BILLING_LOG_ID_PATTERN, eventId, LEDGER_EVENT_NAMESPACE, SNAPSHOT_ID_PATTERN, snapshotId } from './ids';

/** Command ids as JSON may carry them: any text, emoji (surrogate pairs) and lone surrogates. */
const textWithSurrogates = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\uD800', '\uDFFF', '\uD83D\uDE00', '명령', 'é')), { maxLength: 4 })
  .map((parts) => parts.join(''));

/** What uuid derives from the string itself: an error (a lone surrogate) counts as an answer too. */
const uuidOfText = (name: string): string => {
  try {
    return uuidV5(name, LEDGER_EVENT_NAMESPACE);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

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

  it('event ids are the stored ones: uuid v5 of the text `commandId:index` in the ledger namespace', () => {
    expect(eventId('cmd-1', 0)).toBe('762c8f11-a7ec-5ecd-aa4c-4e1397576a5b');
    expect(eventId('명령-✓', 3)).toBe('b6645aff-48ae-5af2-b1c7-b08ea07e8d06');
    fc.assert(
      fc.property(textWithSurrogates, fc.nat(20), (commandId, index) => {
        const expected = uuidOfText(`${commandId}:${index}`);
        if (expected.startsWith('throws')) expect(() => eventId(commandId, index)).toThrow();
        else expect(eventId(commandId, index)).toBe(expected);
      }),
      { numRuns: 500 },
    );
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

  it('hashes the canonical JSON of { type, data, revision } exactly as stored chains were hashed', () => {
    expect(chainHash(GENESIS_HASH, { type: 'UsageRecorded.v1', data: { n: 0, b: 'é' }, revision: 0 })).toBe(
      'ccdb118e8311124737c7d5ddc426e54cf1da53b23a033648e6ba73998dccd92e',
    );
    const content = fc.record({
      type: fc.oneof(fc.constantFrom('UsageRecorded.v1', 'SubscriptionUpgraded.v1'), fc.string({ unit: 'grapheme' })),
      data: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined)))),
      revision: fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 53n - 1n })),
    });
    fc.assert(
      fc.property(content, ({ type, data, revision }) => {
        expect(canonicalContentJson({ type, data, revision })).toBe(stableStringify({ type, data, revision: Number(revision) }));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reports the first revision that was edited, deleted or reordered', () => {
    const chained = chainEvents(events);
    expect(verifyChain([chained[0], { ...chained[1], data: { n: 9 } }, chained[2]])).toBe(1);
    expect(verifyChain([chained[0], chained[2]])).toBe(1);
    expect(verifyChain([chained[1], chained[0], chained[2]])).toBe(1);
  });
});
