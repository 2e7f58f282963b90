import { Map as ImmutableMap } from 'immutable';
import { GrowOnlySet } from './grow-only-set';
import { fingerprintHexOf } from './id-fingerprint';

export type CommandStatus = 'ACCEPTED' | 'REJECTED';

export interface CommandRecord {
  readonly status: CommandStatus;
  readonly billingLogIds: readonly string[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** What the folded state needs of its commands: the original outcome of a commandId, and one more. */
export interface CommandIndex {
  get(commandId: string): CommandRecord | undefined;
  has(commandId: string): boolean;
  set(commandId: string, record: CommandRecord): CommandIndex;
  /** How many commands: the index's memory weight. */
  readonly size: number;
  /**
   * Every command's record keyed by its commandId's fingerprint (32 hex digits; the ids themselves
   * are not kept), for comparing two folds in tests and audits.
   */
  recordsByFingerprint(): Record<string, CommandRecord>;
}

/** The outcome of most commands (usage records, schedule changes): shared, never one object each. */
export const ACCEPTED_WITHOUT_LOGS: CommandRecord = Object.freeze({ status: 'ACCEPTED', billingLogIds: Object.freeze([]) as readonly string[] });

const isPlain = (record: CommandRecord): boolean =>
  record.status === 'ACCEPTED' && record.billingLogIds.length === 0 && record.errorCode === undefined && record.errorMessage === undefined;

/**
 * Every commandId of an account, compactly: commands accepted without a billing log are only a
 * fingerprint in a GrowOnlySet; the few that charged, logged or were rejected keep their id and
 * record in a Map.
 */
export class CompactCommandIndex implements CommandIndex {
  private constructor(
    private readonly plain: GrowOnlySet,
    private readonly records: ImmutableMap<string, CommandRecord>,
    /** Ids in both: plain at first, then a later event of the command gave it a record. */
    private readonly inBoth: number,
  ) {}

  static empty(): CompactCommandIndex {
    return new CompactCommandIndex(GrowOnlySet.empty(), ImmutableMap(), 0);
  }

  get size(): number {
    return this.plain.size + this.records.size - this.inBoth;
  }

  get(commandId: string): CommandRecord | undefined {
    return this.records.get(commandId) ?? (this.plain.has(commandId) ? ACCEPTED_WITHOUT_LOGS : undefined);
  }

  has(commandId: string): boolean {
    return this.records.has(commandId) || this.plain.has(commandId);
  }

  /** A later event of the same command may add a log or reject it: its record then overrides the id. */
  set(commandId: string, record: CommandRecord): CompactCommandIndex {
    const recorded = this.records.has(commandId);
    if (isPlain(record) && !recorded) return new CompactCommandIndex(this.plain.add(commandId), this.records, this.inBoth);
    const movedFromPlain = !recorded && this.plain.has(commandId) ? 1 : 0;
    return new CompactCommandIndex(this.plain, this.records.set(commandId, record), this.inBoth + movedFromPlain);
  }

  recordsByFingerprint(): Record<string, CommandRecord> {
    const all: Record<string, CommandRecord> = {};
    for (const fingerprint of this.plain.fingerprints()) all[fingerprint] = ACCEPTED_WITHOUT_LOGS;
    this.records.forEach((record, commandId) => (all[fingerprintHexOf(commandId)] = record));
    return all;
  }
}
