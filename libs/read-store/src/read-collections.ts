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
 * `_id` is unique in every collection and carries the read model's own id (billing-log id,
 * snapshot id, accountId, commandId, API key), so ids need no further unique index.
 */
export const READ_STORE_INDEXES: readonly IndexPlan[] = [
  { collection: READ_COLLECTIONS.billingLogs, key: { accountId: 1, actionDate: -1 } },
  { collection: READ_COLLECTIONS.billingSnapshots, key: { accountId: 1, billingPeriod: -1 } },
  { collection: READ_COLLECTIONS.apiKeys, key: { accountId: 1 } },
  { collection: READ_COLLECTIONS.plans, key: { dueAt: 1 } },
  { collection: READ_COLLECTIONS.replayCache, key: { expiresAt: 1 }, expireAfterSeconds: 0 },
];
