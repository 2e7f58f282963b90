import { DEFAULT_TOPICS } from '@ledger/messaging';
import { WORKER_ROLES, selectRoles } from './worker-roles';
import { WorkerConfigurationError, workerSettingsFromEnv } from './worker-settings';

describe('workerSettingsFromEnv', () => {
  it('applies the defaults of messaging.md with only KAFKA_BROKERS set', () => {
    expect(workerSettingsFromEnv({ KAFKA_BROKERS: 'a:9092, b:9092' })).toEqual({
      brokers: ['a:9092', 'b:9092'],
      clientId: 'billing-ledger-worker',
      groupId: 'billing-ledger',
      topics: DEFAULT_TOPICS,
      partitions: 6,
      replicationFactor: 1,
      roles: undefined,
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3_000,
      ingestConcurrency: 6,
      maxBytesPerPartition: 1_048_576,
      ingestPipelineDepth: 2,
      retryInitialMs: 100,
      retryMaxMs: 10_000,
      relayMaxBatch: 500,
    });
  });

  it('reads topic names, partitions and roles', () => {
    const settings = workerSettingsFromEnv({
      KAFKA_BROKERS: 'k:1',
      LEDGER_TOPIC_COMMANDS: 'cmds',
      LEDGER_TOPIC_DLQ: 'cmds.dlq',
      LEDGER_KAFKA_PARTITIONS: '12',
      LEDGER_WORKER_ROLES: 'ingest, relay',
    });
    expect(settings.topics).toEqual({ ...DEFAULT_TOPICS, commands: 'cmds', deadLetters: 'cmds.dlq' });
    expect(settings.partitions).toBe(12);
    expect(settings.ingestConcurrency).toBe(12);
    expect(settings.roles).toEqual(['ingest', 'relay']);
  });

  it('lists every problem at once', () => {
    expect(() => workerSettingsFromEnv({ LEDGER_KAFKA_PARTITIONS: '0', LEDGER_RETRY_MAX_MS: 'soon' })).toThrow(
      new WorkerConfigurationError([
        'KAFKA_BROKERS is required (host:port[,host:port...])',
        'LEDGER_KAFKA_PARTITIONS must be an integer ≥ 1',
        'LEDGER_RETRY_MAX_MS must be an integer ≥ 1',
      ]),
    );
  });
});

describe('selectRoles', () => {
  it('runs every registered role by default and refuses unknown names', () => {
    expect(selectRoles(WORKER_ROLES).map((role) => role.name)).toEqual(WORKER_ROLES.map((role) => role.name));
    expect(selectRoles(WORKER_ROLES, ['relay']).map((role) => role.name)).toEqual(['relay']);
    expect(() => selectRoles(WORKER_ROLES, ['relay', 'mailer'])).toThrow(/Unknown worker role\(s\): mailer/);
  });
});
