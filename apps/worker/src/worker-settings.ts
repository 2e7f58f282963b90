import { DEFAULT_CONSUMER_GROUP, LedgerTopics, topicsFromEnv } from '@ledger/messaging';

/** Everything the worker reads from the environment besides the runtime's own variables. */
export interface WorkerSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly groupId: string;
  readonly topics: LedgerTopics;
  /** Partitions and replication factor of the topics the worker creates at start. */
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Role names to run (LEDGER_WORKER_ROLES); undefined = every registered role. */
  readonly roles?: readonly string[];
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Partitions whose batches are processed at the same time. */
  readonly ingestConcurrency: number;
  /** Upper bound of one fetch per partition, hence of a batch's size. */
  readonly maxBytesPerPartition: number;
  /**
   * Batches of one partition that may be handled while earlier ones still publish their results
   * (1 = publish each batch before taking the next; 2 = handle batch N+1 while N publishes).
   */
  readonly ingestPipelineDepth: number;
  /** Exponential backoff of infrastructure retries: first delay and cap. */
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** Events per relay send. */
  readonly relayMaxBatch: number;
}

export class WorkerConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid worker configuration: ${problems.join('; ')}`);
    this.name = 'WorkerConfigurationError';
  }
}

export function workerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min) problems.push(`${name} must be an integer ≥ ${min}`);
    return value;
  };
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((broker) => broker.trim()).filter(Boolean);
  if (brokers.length === 0) problems.push('KAFKA_BROKERS is required (host:port[,host:port...])');
  const roles = env.LEDGER_WORKER_ROLES?.split(',').map((role) => role.trim()).filter(Boolean);
  const partitions = integer('LEDGER_KAFKA_PARTITIONS', 6, 1);
  const settings: WorkerSettings = {
    brokers,
    clientId: env.LEDGER_KAFKA_CLIENT_ID?.trim() || 'billing-ledger-worker',
    groupId: env.LEDGER_KAFKA_GROUP_ID?.trim() || DEFAULT_CONSUMER_GROUP,
    topics: topicsFromEnv(env),
    partitions,
    replicationFactor: integer('LEDGER_KAFKA_REPLICATION_FACTOR', 1, 1),
    roles: roles && roles.length > 0 ? roles : undefined,
    sessionTimeoutMs: integer('LEDGER_KAFKA_SESSION_TIMEOUT_MS', 30_000, 1000),
    heartbeatIntervalMs: integer('LEDGER_KAFKA_HEARTBEAT_INTERVAL_MS', 3_000, 100),
    ingestConcurrency: integer('LEDGER_INGEST_CONCURRENCY', partitions, 1),
    maxBytesPerPartition: integer('LEDGER_KAFKA_MAX_BYTES_PER_PARTITION', 1_048_576, 1024),
    ingestPipelineDepth: integer('LEDGER_INGEST_PIPELINE_DEPTH', 2, 1),
    retryInitialMs: integer('LEDGER_RETRY_INITIAL_MS', 100, 1),
    retryMaxMs: integer('LEDGER_RETRY_MAX_MS', 10_000, 1),
    relayMaxBatch: integer('LEDGER_RELAY_MAX_BATCH', 500, 1),
  };
  if (problems.length > 0) throw new WorkerConfigurationError(problems);
  return settings;
}
