/** Names of the read models' collections and the indexes each one needs. */
export const READ_COLLECTIONS = {
  billingLogs: 'billingLogs',
  billingSnapshots: 'billingSnapshots',
  plans: 'plans',
  commandOutcomes: 'commandOutcomes',
  apiKeys: 'apiKeys',
  checkpoints: 'checkpoints',
  replayCache: 'replayCache',
} as const;

export type ReadCollectionName = (typeof READ_COLLECTIONS)[keyof typeof READ_COLLECTIONS];

export interface IndexPlan {
  readonly collection: ReadCollectionName;
  readonly key: Readonly<Record<string, 1 | -1>>;
  /** Seconds after the indexed date a document expires (Mongo TTL); absent for a plain index. */
  readonly expireAfterSeconds?: number;
}

/**
 * The one list of secondary indexes, for both adapters: MongoDB creates each key as planned; the
 * in-memory adapter indexes the leading field of each (indexedFieldsOf). `_id` is unique in every
 * collection and carries the read model's own id (billing-log id, snapshot id, accountId,
 * accountId/commandId, API key), so ids need no further unique index.
 */
export const READ_STORE_INDEXES: readonly IndexPlan[] = [
  { collection: READ_COLLECTIONS.billingLogs, key: { accountId: 1, actionDate: -1 } },
  { collection: READ_COLLECTIONS.billingSnapshots, key: { accountId: 1, billingPeriod: -1 } },
  { collection: READ_COLLECTIONS.apiKeys, key: { accountId: 1 } },
  { collection: READ_COLLECTIONS.plans, key: { dueAt: 1 } },
  // GET /internal/v1/commands/:commandId knows the commandId but not the account of the _id.
  { collection: READ_COLLECTIONS.commandOutcomes, key: { commandId: 1 } },
  { collection: READ_COLLECTIONS.replayCache, key: { expiresAt: 1 }, expireAfterSeconds: 0 },
];

/**
 * The top-level fields the in-memory adapter indexes in a collection: the leading field of each
 * planned index. Its lists (an account's logs, a commandId's outcome, due plans) pin that field
 * alone and sort the few candidates, so the compound rest of a key buys an in-memory store nothing.
 */
export function indexedFieldsOf(collection: string): readonly string[] {
  const leading = READ_STORE_INDEXES.filter((plan) => plan.collection === collection).map((plan) => Object.keys(plan.key)[0]);
  return [...new Set(leading)];
}
