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
  // The audit's per-account replay compares an account's outcomes with a fresh fold.
  { collection: READ_COLLECTIONS.commandOutcomes, key: { accountId: 1 } },
  { collection: READ_COLLECTIONS.replayCache, key: { expiresAt: 1 }, expireAfterSeconds: 0 },
];

/**
 * The top-level fields the in-memory adapter indexes in a collection: the leading field of each
 * planned index. Its lists (an account's logs, a commandId's outcome, due plans) pin that field
 * alone and sort the few candidates, so the compound rest of a key buys an in-memory store nothing.
 */
export function indexedFieldsOf(collection: string): readonly string[] {
  const leading = indexPlansOf(collection).map((plan) => Object.keys(plan.key)[0]);
  return [...new Set(leading)];
}

/** The first read-model version keeps the plain names; a rebuild writes `billingLogs__v2`, … */
export const FIRST_READ_MODEL_VERSION = 1;
const VERSION_SUFFIX = /__v\d+$/;

/** `billingLogs` for version 1, `billingLogs__v2` for version 2 (collections and checkpoints alike). */
export const versionedName = (name: string, version: number): string => (version === FIRST_READ_MODEL_VERSION ? name : `${name}__v${version}`);

/** The planned indexes of a collection, a rebuilt version's (`billingLogs__v2`) included. */
export const indexPlansOf = (collection: string): readonly IndexPlan[] => {
  const base = collection.replace(VERSION_SUFFIX, '');
  return READ_STORE_INDEXES.filter((plan) => plan.collection === base);
};
