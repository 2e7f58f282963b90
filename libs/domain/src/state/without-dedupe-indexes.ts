import type { AccountState } from './account-state';
import { type CommandIndex, type CommandRecord } from './command-index';
import type { IdSet } from './grow-only-set';

/**
 * Remembers the record of the latest command only: what folding one more event of that command
 * needs (its events are consecutive in the stream), and nothing older. No hashing, no tables.
 */
class LatestCommandOnly implements CommandIndex {
  constructor(
    private readonly commandId: string | undefined,
    private readonly record: CommandRecord | undefined,
  ) {}

  get size(): number {
    return this.commandId === undefined ? 0 : 1;
  }

  get(commandId: string): CommandRecord | undefined {
    return commandId === this.commandId ? this.record : undefined;
  }

  has(commandId: string): boolean {
    return commandId === this.commandId;
  }

  set(commandId: string, record: CommandRecord): CommandIndex {
    return new LatestCommandOnly(commandId, record);
  }

  recordsByFingerprint(): Record<string, CommandRecord> {
    throw new Error('A read-model state keeps no command fingerprints');
  }
}

/** Keeps no ids at all, so one instance serves every period of every account. */
const NO_IDS: IdSet = Object.freeze({ has: () => false, add: () => NO_IDS, size: 0 });

const NO_COMMAND = new LatestCommandOnly(undefined, undefined);

/**
 * The state without what only the decider needs: every earlier commandId and the usageIds of open
 * periods. Read models are built from the plan, the counters and the outcome of the command just
 * folded, so the projector keeps this lean state and its memory stays flat however many commands an
 * account receives. Folding further events onto it gives the same plan, counters and outcome as
 * folding them onto the full state, because the events of one command are consecutive in its stream
 * and `evolve` never asks a usage set whether it holds an id (only `decide` does).
 *
 * Cheap on purpose (the projector calls it for every event): once lean, a state's usage sets are
 * already `NO_IDS` and `evolve` keeps them so, so the usage map is only rebuilt the first time.
 */
export const withoutDedupeIndexes = (state: AccountState, keepCommandId: string): AccountState => {
  const kept = state.commands.get(keepCommandId);
  const usageIsLean = state.usage.every((periodUsage) => periodUsage.usageIds === NO_IDS);
  return {
    ...state,
    commands: kept === undefined ? NO_COMMAND : new LatestCommandOnly(keepCommandId, kept),
    usage: usageIsLean ? state.usage : state.usage.map((periodUsage) => ({ messages: periodUsage.messages, usageIds: NO_IDS })),
  };
};
