import { type AccountState, evolve, initialState } from '@ledger/domain';
import { type RecordedEvent, toDomainEvent } from '@ledger/event-store';
import { projectEvent } from '@ledger/projections';
import { type ReadModelDocuments, addProjected, emptyReadModelDocuments } from './read-model-documents';

/** The projection function of the read models; a rebuild may run another version of it. */
export type ProjectFn = typeof projectEvent;

export interface AccountReplay {
  readonly state: AccountState;
  readonly documents: ReadModelDocuments;
}

/** Folds one account's events and projects each, independently of the projector and its caches. Throws naming the revision that cannot be folded. */
export function replayAccount(accountId: string, events: readonly RecordedEvent[], project: ProjectFn = projectEvent): AccountReplay {
  const documents = emptyReadModelDocuments();
  let state = initialState(accountId);
  for (const recorded of events) {
    try {
      const event = toDomainEvent(recorded);
      state = evolve(state, event);
      addProjected(documents, project(recorded, event, state));
    } catch (error) {
      throw new Error(`revision ${recorded.revision}: ${(error as Error).message}`, { cause: error });
    }
  }
  return { state, documents };
}
