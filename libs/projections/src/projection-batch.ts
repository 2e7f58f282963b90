import type { GlobalPosition } from '@ledger/event-store';
import type { PositionedDocument, ReadDocument, ReadStore } from '@ledger/read-store';
import type { ProjectedDocuments } from './project-event';
import { READ_MODELS } from './read-models';

/** Documents of a run of events, grouped per collection; the newest per id wins. */
export class ProjectionBatch {
  private readonly collections = new Map<string, Map<string, PositionedDocument<ReadDocument>>>();
  /** The last projection per account: its plan document is built only when the batch is written. */
  private readonly plans = new Map<string, { documents: ProjectedDocuments; position: GlobalPosition }>();
  private events = 0;
  lastPosition: GlobalPosition | undefined;

  get size(): number {
    return this.events;
  }

  get isEmpty(): boolean {
    return this.lastPosition === undefined;
  }

  add(position: GlobalPosition, documents: ProjectedDocuments): void {
    documents.billingLogs.forEach((doc) => this.put(READ_MODELS.billingLogs, doc, position));
    documents.billingSnapshots.forEach((doc) => this.put(READ_MODELS.billingSnapshots, doc, position));
    this.plans.set(documents.accountId, { documents, position });
    if (documents.outcome) this.put(READ_MODELS.commandOutcomes, documents.outcome, position);
    this.skip(position);
  }

  /** An event with nothing to project still moves the checkpoint. */
  skip(position: GlobalPosition): void {
    this.events += 1;
    this.lastPosition = position;
  }

  async writeTo(readStore: ReadStore): Promise<void> {
    for (const { documents, position } of this.plans.values()) this.put(READ_MODELS.plans, documents.plan, position);
    this.plans.clear();
    await Promise.all(
      [...this.collections].map(([name, docs]) => readStore.collection(name).upsertMany([...docs.values()])),
    );
  }

  private put(collection: string, doc: ReadDocument, position: GlobalPosition): void {
    let docs = this.collections.get(collection);
    if (!docs) this.collections.set(collection, (docs = new Map()));
    docs.set(doc._id, { doc, position });
  }
}
