import type { ProjectedDocuments } from '@ledger/projections';
import { READ_MODELS } from '@ledger/projections';
import type { ReadDocument } from '@ledger/read-store';

export type ReadModelName = (typeof READ_MODELS)[keyof typeof READ_MODELS];
export const READ_MODEL_NAMES: readonly ReadModelName[] = Object.values(READ_MODELS);

/** Read-model documents by collection and id: what a projection holds for some slice of history. */
export type ReadModelDocuments = Record<ReadModelName, Map<string, ReadDocument>>;

export const emptyReadModelDocuments = (): ReadModelDocuments =>
  Object.fromEntries(READ_MODEL_NAMES.map((name) => [name, new Map<string, ReadDocument>()])) as ReadModelDocuments;

/** Same rule as the projector's batches: a later event's document replaces an earlier one of the same id. */
export function addProjected(documents: ReadModelDocuments, projected: ProjectedDocuments): void {
  const put = (name: ReadModelName, doc: ReadDocument) => documents[name].set(doc._id, doc);
  projected.billingLogs.forEach((doc) => put(READ_MODELS.billingLogs, doc));
  projected.billingSnapshots.forEach((doc) => put(READ_MODELS.billingSnapshots, doc));
  put(READ_MODELS.plans, projected.plan);
  if (projected.outcome) put(READ_MODELS.commandOutcomes, projected.outcome);
}
