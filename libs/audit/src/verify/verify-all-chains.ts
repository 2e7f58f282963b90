import { verifyChain } from '@ledger/domain';
import type { EventStore, GlobalPosition, RecordedEvent } from '@ledger/event-store';
import { accountIdOfStream } from '@ledger/ledger';
import { chainedEventOf } from './verify-chain';

const PAGE_SIZE = 1_000;

export interface AllChainsVerdict {
  readonly intact: boolean;
  readonly accounts: number;
  readonly events: number;
  readonly head: GlobalPosition | null;
  /** The first broken link of each broken account (revision order, linkage or content). */
  readonly brokenChains: readonly { accountId: string; firstBadRevision: number }[];
}

interface ChainTip {
  hash: string;
  nextRevision: bigint;
  broken: boolean;
}

/**
 * Every account's hash chain, checked in one pass over `$all` with only each account's last hash in
 * memory — so a whole store (a backup, say) is verified without loading any account's history at once.
 */
export async function verifyAllChains(store: EventStore, onProgress?: (events: number) => void): Promise<AllChainsVerdict> {
  const tips = new Map<string, ChainTip>();
  const brokenChains: { accountId: string; firstBadRevision: number }[] = [];
  let events = 0;
  let head: GlobalPosition | null = null;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({ after: head ?? undefined, maxCount: PAGE_SIZE });
    for (const recorded of page) {
      const accountId = accountIdOfStream(recorded.streamId);
      if (accountId !== undefined) follow(tips, accountId, recorded, brokenChains);
    }
    events += page.length;
    if (page.length > 0) head = page[page.length - 1].position;
    onProgress?.(events);
    if (page.length < PAGE_SIZE) break;
  }
  return { intact: brokenChains.length === 0, accounts: tips.size, events, head, brokenChains };
}

function follow(tips: Map<string, ChainTip>, accountId: string, recorded: RecordedEvent, brokenChains: { accountId: string; firstBadRevision: number }[]): void {
  const tip = tips.get(accountId) ?? { hash: '', nextRevision: 0n, broken: false };
  tips.set(accountId, tip);
  if (tip.broken) return;
  const link = chainedEventOf(recorded);
  const intact = recorded.revision === tip.nextRevision && verifyChain([link], tip.nextRevision === 0n ? undefined : tip.hash) === null;
  if (!intact) {
    tip.broken = true;
    brokenChains.push({ accountId, firstBadRevision: Number(tip.nextRevision) });
    return;
  }
  tip.hash = link.hash;
  tip.nextRevision += 1n;
}
