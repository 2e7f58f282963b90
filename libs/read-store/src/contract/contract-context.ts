import type { ReadCollection, ReadDocument, ReadPosition, ReadStore } from '../read-store.port';

/** A settable clock, so replay-cache expiry is tested without waiting. */
export class TestClock {
  private current = new Date('2025-01-01T00:00:00.000Z');

  readonly now = (): Date => new Date(this.current.getTime());

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

export type CreateReadStore = (options: { readonly clock: () => Date }) => Promise<ReadStore>;
export type DisposeReadStore = (store: ReadStore) => Promise<void>;

export interface ContractOptions {
  /** fast-check runs of the filter property; fewer for a remote server. */
  readonly propertyRuns?: number;
}

export interface ContractContext {
  readonly clock: TestClock;
  readonly create: CreateReadStore;
  readonly dispose: DisposeReadStore;
  readonly propertyRuns: number;
  /** The suite's shared store, open for the whole suite. */
  store(): ReadStore;
  /** A collection no other test uses. */
  freshCollection<T extends ReadDocument>(): ReadCollection<T>;
  /** A key (checkpoint, replay claim) no other test uses. */
  uniqueKey(prefix: string): string;
}

/** Position n for both halves; enough for tests that only need an order. */
export const at = (n: number | bigint): ReadPosition => ({ commit: BigInt(n), prepare: BigInt(n) });

export const idsOf = (docs: readonly ReadDocument[]): string[] => docs.map((doc) => doc._id);
