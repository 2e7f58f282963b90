import { type EventStore, type GlobalPosition, type RecordedEvent, comparePositions, toDomainEvent } from '@ledger/event-store';
import { accountIdOfStream } from '@ledger/ledger';
import { ProjectedAccountStates, ProjectionBatch, projectEvent } from '@ledger/projections';
import type { ReadStore } from '@ledger/read-store';
import type { ProjectFn } from './replay-account';

export interface ReplayProgress {
  /** Events replayed so far in this run. */
  readonly done: number;
  /** Events between the start position and the store's head when the run began. */
  readonly total: number;
}

export interface ReplayOptions {
  readonly project?: ProjectFn;
  /** Exclusive start (a catch-up continues from the target's last position); omit for the beginning. */
  readonly after?: GlobalPosition;
  /** Inclusive end: replay what the compared store has seen, not what was appended since. */
  readonly until?: GlobalPosition;
  /** The checkpoint written into the target after each page. */
  readonly checkpointName: string;
  readonly pageSize?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

/** An account whose history cannot be folded (e.g. edited by hand): replay skipped its later events. */
export interface ReplayFailure {
  readonly accountId: string;
  readonly revision: number;
  readonly message: string;
}

export interface ReplayResult {
  readonly events: number;
  readonly lastPosition: GlobalPosition | undefined;
  readonly accountIds: ReadonlySet<string>;
  readonly failures: readonly ReplayFailure[];
}

/**
 * Replays $all into a read store with the given projection, page by page (one bulk write per
 * collection per page, then the checkpoint). Unlike the live projector it never waits on new events
 * and never stops on a bad account: verify and rebuild must report every problem in one run.
 */
export async function replayReadModels(store: EventStore, target: ReadStore, options: ReplayOptions): Promise<ReplayResult> {
  const project = options.project ?? projectEvent;
  const pageSize = options.pageSize ?? 1000;
  const states = new ProjectedAccountStates(store);
  const accountIds = new Set<string>();
  const failed = new Map<string, ReplayFailure>();
  const head = options.until ?? (await store.headPosition());
  const total = head ? Number(head.commit - (options.after?.commit ?? 0n)) : 0;
  const wanted = (recorded: RecordedEvent) => head !== undefined && comparePositions(recorded.position, head) <= 0;
  let after = options.after;
  let events = 0;
  for (;;) {
    const page = (await store.readAll({ after, maxCount: pageSize })).filter(wanted);
    if (page.length === 0) break;
    const batch = new ProjectionBatch();
    for (const recorded of page) {
      await projectInto(batch, recorded);
    }
    await batch.writeTo(target);
    after = page[page.length - 1].position;
    await target.checkpoints.set(options.checkpointName, after);
    events += page.length;
    options.onProgress?.({ done: events, total: Math.max(total, events) });
  }
  return { events, lastPosition: after, accountIds, failures: [...failed.values()] };

  async function projectInto(batch: ProjectionBatch, recorded: RecordedEvent): Promise<void> {
    const accountId = accountIdOfStream(recorded.streamId);
    if (accountId === undefined || failed.has(accountId)) return batch.skip(recorded.position);
    accountIds.add(accountId);
    try {
      const event = toDomainEvent(recorded);
      const stateAfter = await states.apply(accountId, recorded, event);
      batch.add(recorded.position, project(recorded, event, stateAfter));
    } catch (error) {
      failed.set(accountId, { accountId, revision: Number(recorded.revision), message: (error as Error).message });
      batch.skip(recorded.position);
    }
  }
}
