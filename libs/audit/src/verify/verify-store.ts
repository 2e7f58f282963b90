import { positionToString } from '@ledger/event-store';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import { MemoryReadStore } from '@ledger/read-store';
import type { AuditDeps } from '../audit-deps';
import { readAccountHistory } from '../history/account-history';
import { type ReplayFailure, type ReplayProgress, replayReadModels } from '../replay/replay-read-models';
import { loadAllReadModels } from './account-read-models';
import { compareReadModels } from './compare-read-models';
import type { DocumentDifference } from './diff-documents';
import { type ChainVerdict, verifyAccountChain } from './verify-chain';

export interface BrokenChain extends ChainVerdict {
  readonly accountId: string;
}

export interface StoreVerification {
  readonly ok: boolean;
  readonly accounts: number;
  readonly events: number;
  readonly comparedUpTo: string | null;
  readonly brokenChains: readonly BrokenChain[];
  readonly replayFailures: readonly ReplayFailure[];
  readonly differences: readonly DocumentDifference[];
}

export interface VerifyStoreOptions {
  readonly checkpointName?: string;
  readonly onReplayProgress?: (progress: ReplayProgress) => void;
  readonly onAccountVerified?: (done: number, total: number) => void;
}

/**
 * Every account's hash chain, and every read model against a fresh replay into a MemoryReadStore.
 * The replay stops at the read models' checkpoint, so a projector that is merely behind is not a difference.
 */
export async function verifyStore(deps: AuditDeps, options: VerifyStoreOptions = {}): Promise<StoreVerification> {
  const checkpoint = await deps.readStore.checkpoints.get(options.checkpointName ?? PROJECTOR_CHECKPOINT);
  const fresh = new MemoryReadStore();
  const replay = checkpoint
    ? await replayReadModels(deps.eventStore, fresh, { checkpointName: 'audit-verify', until: checkpoint, onProgress: options.onReplayProgress })
    : { events: 0, accountIds: new Set<string>(), failures: [] };
  const accountIds = [...replay.accountIds].sort();
  const brokenChains: BrokenChain[] = [];
  for (const [index, accountId] of accountIds.entries()) {
    const verdict = verifyAccountChain(await readAccountHistory(deps.eventStore, accountId));
    if (!verdict.intact) brokenChains.push({ accountId, ...verdict });
    options.onAccountVerified?.(index + 1, accountIds.length);
  }
  const differences = compareReadModels(await loadAllReadModels(deps.readStore), await loadAllReadModels(fresh));
  await fresh.close();
  return {
    ok: brokenChains.length === 0 && replay.failures.length === 0 && differences.length === 0,
    accounts: accountIds.length,
    events: replay.events,
    comparedUpTo: checkpoint ? positionToString(checkpoint) : null,
    brokenChains,
    replayFailures: replay.failures,
    differences,
  };
}
