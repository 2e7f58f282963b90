import { NotFoundError } from '@ledger/errors';
import { comparePositions, positionToString } from '@ledger/event-store';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import type { AuditDeps } from '../audit-deps';
import { readAccountHistory } from '../history/account-history';
import { replayAccount } from '../replay/replay-account';
import { emptyReadModelDocuments } from '../replay/read-model-documents';
import { loadAccountReadModels } from './account-read-models';
import { compareReadModels } from './compare-read-models';
import type { DocumentDifference } from './diff-documents';
import { type ChainVerdict, verifyAccountChain } from './verify-chain';

export interface AccountVerification {
  readonly accountId: string;
  readonly ok: boolean;
  readonly chain: ChainVerdict;
  readonly readModels: {
    /** The read models' checkpoint: events after it are not expected to be visible yet. */
    readonly comparedUpTo: string | null;
    readonly replayError: string | null;
    readonly differences: readonly DocumentDifference[];
  };
}

/** Hash chain of one account, and its read models against a fresh fold and projection of its events. */
export async function verifyAccount(deps: AuditDeps, accountId: string, checkpointName = PROJECTOR_CHECKPOINT): Promise<AccountVerification> {
  const events = await readAccountHistory(deps.eventStore, accountId);
  const current = await loadAccountReadModels(deps.readStore, accountId);
  const stored = Object.values(current).reduce((sum, docs) => sum + docs.size, 0);
  if (events.length === 0 && stored === 0) throw new NotFoundError(`계정 ${accountId}의 이벤트가 없습니다.`);
  const checkpoint = await deps.readStore.checkpoints.get(checkpointName);
  const visible = checkpoint ? events.filter((event) => comparePositions(event.position, checkpoint) <= 0) : [];
  let replayError: string | null = null;
  let replayed = emptyReadModelDocuments();
  try {
    replayed = replayAccount(accountId, visible).documents;
  } catch (error) {
    replayError = (error as Error).message;
  }
  const chain = verifyAccountChain(events);
  const differences = compareReadModels(current, replayed);
  return {
    accountId,
    ok: chain.intact && replayError === null && differences.length === 0,
    chain,
    readModels: { comparedUpTo: checkpoint ? positionToString(checkpoint) : null, replayError, differences },
  };
}
