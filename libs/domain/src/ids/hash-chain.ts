import stableStringify from 'fast-json-stable-stringify';
import { sha256Hex } from './ids';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  readonly type: string;
  readonly data: unknown;
  readonly revision: number | bigint;
}

export interface ChainedEvent extends HashedContent {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * canonicalJson({ type, data, revision }): the text `stableStringify` gives for that object, with the
 * wrapper's three keys written in their sorted order instead of being sorted again for every event.
 * Like stableStringify, a member whose value has no JSON (undefined) is left out.
 */
export const canonicalContentJson = (content: HashedContent): string => {
  const data = stableStringify(content.data) as string | undefined;
  const type = stableStringify(content.type) as string | undefined;
  const revision = stableStringify(Number(content.revision));
  return `{${data === undefined ? '' : `"data":${data},`}"revision":${revision}${type === undefined ? '' : `,"type":${type}`}}`;
};

/** sha256_hex(prevHash + canonicalJson({type, data, revision})), revision as a decimal number. */
export const chainHash = (prevHash: string, content: HashedContent): string => sha256Hex(prevHash + canonicalContentJson(content));

/** Chains events in order, starting after `prevHash` at revision `firstRevision`. */
export const chainEvents = <E extends { type: string; data: unknown }>(
  events: readonly E[],
  prevHash: string = GENESIS_HASH,
  firstRevision = 0,
): (E & ChainedEvent)[] => {
  let previous = prevHash;
  return events.map((event, index) => {
    const revision = firstRevision + index;
    const hash = chainHash(previous, { type: event.type, data: event.data, revision });
    const chained = Object.assign({}, event, { revision, prevHash: previous, hash });
    previous = hash;
    return chained;
  });
};

/**
 * The first revision whose link is broken (wrong revision order, prevHash not the previous hash,
 * or a hash that does not match its content), or null when the whole chain holds.
 */
export const verifyChain = (events: readonly ChainedEvent[], prevHash: string = GENESIS_HASH): number | null => {
  let expectedPrev = prevHash;
  const firstRevision = events.length > 0 ? Number(events[0].revision) : 0;
  for (const [index, event] of events.entries()) {
    const revision = Number(event.revision);
    const intact = revision === firstRevision + index && event.prevHash === expectedPrev && chainHash(expectedPrev, event) === event.hash;
    if (!intact) return firstRevision + index;
    expectedPrev = event.hash;
  }
  return null;
};
