import type { EventStore } from '@ledger/event-store';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import type { ReadStore } from '@ledger/read-store';
import { type ReadModelName, READ_MODEL_NAMES } from '../replay/read-model-documents';
import type { ProjectFn } from '../replay/replay-account';
import { type ReplayProgress, replayReadModels } from '../replay/replay-read-models';
import { loadAllReadModels } from '../verify/account-read-models';
import { compareReadModels } from '../verify/compare-read-models';
import { AMOUNT_FIELDS, type DocumentDifference } from '../verify/diff-documents';
import { readPointer, switchLiveVersion } from './read-model-pointer';
import { VersionedReadStore } from './versioned-read-store';

export interface RebuildOptions {
  /** The new projection (the code being deployed); default: the current one. */
  readonly project?: ProjectFn;
  /** Collections the diff report covers; all four are rebuilt together (one projector, one checkpoint). */
  readonly collections?: readonly ReadModelName[];
  /** Flip the pointer to the new version once it has caught up. */
  readonly switchLive?: boolean;
  readonly now?: () => Date;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface AmountChange {
  readonly collection: string;
  readonly id: string;
  readonly field: string;
  readonly current: unknown;
  readonly replayed: unknown;
}

export interface RebuildReport {
  readonly liveVersion: number;
  readonly builtVersion: number;
  readonly switched: boolean;
  readonly eventsReplayed: number;
  readonly documents: Readonly<Record<string, { readonly live: number; readonly rebuilt: number }>>;
  /** Every document and field that differs between the live version and the rebuilt one. */
  readonly changes: readonly DocumentDifference[];
  /** The subset of changes that move money (billing amounts and prices). */
  readonly amountChanges: readonly AmountChange[];
  readonly replayFailures: readonly { accountId: string; revision: number; message: string }[];
}

const amountChangesOf = (changes: readonly DocumentDifference[]): AmountChange[] =>
  changes.flatMap((change) =>
    change.fields.filter((field) => AMOUNT_FIELDS.has(field.field)).map((field) => ({ collection: change.collection, id: change.id, ...field })),
  );

/**
 * Blue-green rebuild: replays every event into the next version's collections beside the live ones,
 * reports what would change, and flips the pointer only when asked. The old version is kept.
 */
export async function rebuildReadModels(eventStore: EventStore, baseStore: ReadStore, options: RebuildOptions = {}): Promise<RebuildReport> {
  const liveVersion = (await readPointer(baseStore)).live;
  const builtVersion = liveVersion + 1;
  const live = new VersionedReadStore(baseStore, { version: liveVersion });
  const next = new VersionedReadStore(baseStore, { version: builtVersion });
  for (const name of READ_MODEL_NAMES) await next.collection(name).drop();
  const replay = await replayReadModels(eventStore, next, { project: options.project, checkpointName: PROJECTOR_CHECKPOINT, onProgress: options.onProgress });

  const collections = options.collections ?? READ_MODEL_NAMES;
  const [liveDocs, builtDocs] = [await loadAllReadModels(live), await loadAllReadModels(next)];
  const changes = compareReadModels(liveDocs, builtDocs, collections);
  const documents = Object.fromEntries(collections.map((name) => [name, { live: liveDocs[name].size, rebuilt: builtDocs[name].size }]));

  let switched = false;
  if (options.switchLive) {
    // Catch up with what was appended while the report was written, then flip.
    const caughtUp = await replayReadModels(eventStore, next, { project: options.project, checkpointName: PROJECTOR_CHECKPOINT, after: replay.lastPosition });
    if (caughtUp.failures.length === 0 && replay.failures.length === 0) {
      await switchLiveVersion(baseStore, builtVersion, (options.now ?? (() => new Date()))());
      switched = true;
    }
  }
  return { liveVersion, builtVersion, switched, eventsReplayed: replay.events, documents, changes, amountChanges: amountChangesOf(changes), replayFailures: replay.failures };
}
