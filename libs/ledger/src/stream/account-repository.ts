import { LRUCache } from 'lru-cache';
import { AccountState, DomainEvent, GENESIS_HASH, chainHash, eventId, evolve, holdEventId, indexedIdsOf, initialState } from '@ledger/domain';
import { EventStore, GlobalPosition, WrongExpectedRevisionError } from '@ledger/event-store';
import { LedgerEventMetadata, accountStreamId, metadataOf, toDomainEvent } from './account-stream';

/** An account's folded state together with where in its stream that state stands. */
export interface LoadedAccount {
  readonly accountId: string;
  readonly state: AccountState;
  /** Revision of the last folded event; undefined while the stream does not exist. */
  readonly revision: bigint | undefined;
  /** Hash of the last folded event (the chain continues from it). */
  readonly lastHash: string;
}

export interface AppendContext {
  readonly commandId: string;
  readonly commandType: string;
  readonly issuedBy: { readonly type: string; readonly id: string };
  readonly issuedAt: string;
  readonly actionDate: string;
}

export interface AppendedEvents {
  readonly account: LoadedAccount;
  readonly position: GlobalPosition;
}

export interface AccountCacheOptions {
  readonly cachedAccounts?: number;
  /**
   * Bound on the idempotency ids (commandIds, open periods' usageIds) all cached states hold
   * together, 25–38 bytes each as measured (a 16-byte fingerprint in an arena grown by doubling
   * plus 4-byte slots at load ≤ 0.75; at most ~40 just after a doubling): an account's state grows
   * with every command, so a count of accounts alone bounds nothing (design.md "Idempotency
   * indexes in memory").
   */
  readonly cachedIds?: number;
}

/** 16 M ids ≈ 0.4–0.6 GB of indexes; beyond it the least recent accounts are re-read from their streams. */
const DEFAULT_CACHED_IDS = 16_000_000;

/**
 * Loads and appends account streams. Folded states are cached by stream revision, so a long
 * history is read once and each later command only reads what was appended since (if anything).
 */
export class AccountRepository {
  private readonly cache: LRUCache<string, LoadedAccount>;

  constructor(
    private readonly store: EventStore,
    options: AccountCacheOptions = {},
  ) {
    this.cache = new LRUCache({
      max: options.cachedAccounts ?? 50_000,
      maxSize: options.cachedIds ?? DEFAULT_CACHED_IDS,
      sizeCalculation: (account) => 1 + indexedIdsOf(account.state),
    });
  }

  /**
   * With `catchUp`, events appended by other processes since the cached revision are folded in;
   * without it the cached state is trusted and a stale one is caught by the append's
   * expected-revision check.
   */
  async load(accountId: string, catchUp: boolean): Promise<LoadedAccount> {
    const cached = this.cache.get(accountId);
    if (cached && !catchUp) return cached;
    const base = cached ?? emptyAccount(accountId);
    const fromRevision = base.revision === undefined ? 0n : base.revision + 1n;
    const recorded = await this.store.readStream(accountStreamId(accountId), { fromRevision });
    const loaded = recorded.reduce<LoadedAccount>(
      (account, event) => ({
        accountId,
        state: evolve(account.state, toDomainEvent(event)),
        revision: event.revision,
        lastHash: metadataOf(event).hash ?? account.lastHash,
      }),
      base,
    );
    this.cache.set(accountId, loaded);
    return loaded;
  }

  /** Appends a command's outcome events, numbered 0.. (`eventIndex`, and their ids). */
  append(account: LoadedAccount, events: readonly DomainEvent[], context: AppendContext): Promise<AppendedEvents> {
    return this.appendChained(account, events, context, (index) => ({ id: eventId(context.commandId, index), eventIndex: index }));
  }

  /** Appends a payment hold (PaymentStarted.v1): no outcome index (-1), its id named by the revision it takes. */
  appendHold(account: LoadedAccount, hold: DomainEvent, context: AppendContext): Promise<AppendedEvents> {
    return this.appendChained(account, [hold], context, (_index, revision) => ({ id: holdEventId(context.commandId, revision), eventIndex: -1 }));
  }

  private async appendChained(
    account: LoadedAccount,
    events: readonly DomainEvent[],
    context: AppendContext,
    naming: (index: number, revision: bigint) => { id: string; eventIndex: number },
  ): Promise<AppendedEvents> {
    const firstRevision = account.revision === undefined ? 0n : account.revision + 1n;
    let prevHash = account.lastHash;
    const toAppend = events.map((event, index) => {
      const revision = firstRevision + BigInt(index);
      const { id, eventIndex } = naming(index, revision);
      const hash = chainHash(prevHash, { type: event.type, data: event.data, revision: Number(revision) });
      const metadata: LedgerEventMetadata = Object.assign({}, context, { eventIndex, prevHash, hash, schema: 1 as const });
      prevHash = hash;
      return {
        id,
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: metadata as unknown as Record<string, unknown>,
      };
    });
    const expected = account.revision === undefined ? 'no_stream' : account.revision;
    try {
      const result = await this.store.append(accountStreamId(account.accountId), toAppend, expected);
      const next: LoadedAccount = {
        accountId: account.accountId,
        state: events.reduce(evolve, account.state),
        revision: result.nextExpectedRevision,
        lastHash: prevHash,
      };
      this.cache.set(account.accountId, next);
      return { account: next, position: result.position };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) this.cache.delete(account.accountId);
      throw error;
    }
  }

  /** Whether `exclusively` holds the stream against other processes (SQLite), not only this one. */
  get canHoldAcrossProcesses(): boolean {
    return this.store.exclusively !== undefined;
  }

  /**
   * Runs `work` holding the account stream against other processes, where the store can (SQLite
   * shared by several processes); elsewhere the caller's in-process serialisation is all there is.
   */
  exclusively<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    return this.store.exclusively ? this.store.exclusively(accountStreamId(accountId), work) : work();
  }

  forget(accountId: string): void {
    this.cache.delete(accountId);
  }
}

const emptyAccount = (accountId: string): LoadedAccount => ({
  accountId,
  state: initialState(accountId),
  revision: undefined,
  lastHash: GENESIS_HASH,
});
