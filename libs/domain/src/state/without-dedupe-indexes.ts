import type { AccountState } from './account-state';
import { CompactCommandIndex } from './command-index';
import { GrowOnlySet } from './grow-only-set';

/**
 * The state without what only the decider needs: every earlier commandId and the usageIds of open
 * periods. Read models are built from the plan, the counters and the outcome of the command just
 * folded, so the projector keeps this lean state and its memory stays flat however many commands an
 * account receives. Folding further events onto it gives the same plan, counters and outcome as
 * folding them onto the full state, because the events of one command are consecutive in its stream.
 * Fresh empty sets each time: a shared empty GrowOnlySet would keep whatever is first appended to it.
 */
export const withoutDedupeIndexes = (state: AccountState, keepCommandId: string): AccountState => {
  const kept = state.commands.get(keepCommandId);
  return {
    ...state,
    commands: kept === undefined ? CompactCommandIndex.empty() : CompactCommandIndex.empty().set(keepCommandId, kept),
    usage: state.usage.map((periodUsage) => (periodUsage.usageIds.size === 0 ? periodUsage : { messages: periodUsage.messages, usageIds: GrowOnlySet.empty() })),
  };
};
