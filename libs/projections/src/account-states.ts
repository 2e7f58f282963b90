import { LRUCache } from 'lru-cache';
import { AccountState, DomainEvent, evolve, initialState, withoutDedupeIndexes } from '@ledger/domain';
import { type EventStore, type RecordedEvent, toDomainEvent } from '@ledger/event-store';

/**
 * The projector's view of each account's folded state, by stream revision. After a restart (or when
 * an account fell out of the cache) the state before an event is rebuilt from the account's stream,
 * so the projector never depends on having seen the whole of $all.
 */
export class ProjectedAccountStates {
  private readonly states: LRUCache<string, { state: AccountState; revision: bigint }>;

  constructor(
    private readonly store: EventStore,
    maxAccounts = 100_000,
  ) {
    this.states = new LRUCache({ max: maxAccounts });
  }

  /**
   * Folds `event` onto the account's state and returns the state after it, without the decider's
   * idempotency indexes (only this event's command outcome is kept): read models never need them.
   */
  async apply(accountId: string, event: RecordedEvent, domainEvent: DomainEvent): Promise<AccountState> {
    const before = await this.stateBefore(accountId, event);
    const after = withoutDedupeIndexes(evolve(before, domainEvent), domainEvent.data.commandId);
    this.states.set(accountId, { state: after, revision: event.revision });
    return after;
  }

  private async stateBefore(accountId: string, event: RecordedEvent): Promise<AccountState> {
    const cached = this.states.get(accountId);
    if (cached && cached.revision === event.revision - 1n) return cached.state;
    if (event.revision === 0n) return initialState(accountId);
    const history = await this.store.readStream(event.streamId, { fromRevision: 0n, maxCount: Number(event.revision) });
    return history.reduce((state, recorded) => evolve(state, toDomainEvent(recorded)), initialState(accountId));
  }

  clear(): void {
    this.states.clear();
  }
}
