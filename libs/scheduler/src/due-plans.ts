import { type PlanDocument, READ_MODELS } from '@ledger/projections';
import type { Filter, ReadStore } from '@ledger/read-store';

/**
 * Plans due at or before `until`, earliest first, from the `dueAt` index (never a stream scan).
 * Accounts already dealt with in this run are excluded, so a stuck one cannot fill every page.
 */
export function findDuePlans(readStore: ReadStore, until: string, excluded: ReadonlySet<string>, limit: number): Promise<PlanDocument[]> {
  const due: Filter = { dueAt: { $lte: until } };
  const filter: Filter = excluded.size === 0 ? due : { ...due, _id: { $nin: [...excluded] } };
  return readStore.collection<PlanDocument>(READ_MODELS.plans).find(filter, { sort: { dueAt: 1 }, limit });
}
