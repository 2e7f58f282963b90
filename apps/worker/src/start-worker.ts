import { type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import type { LedgerRuntime } from '@ledger/runtime';
import { INGEST_COMMAND_BATCH } from './ingest/ingest.patterns';
import { ensureTopics } from './kafka/ensure-topics';
import { KafkaBatchServer } from './kafka/kafka-batch.server';
import { WORKER_ROLES, type WorkerRole, selectRoles } from './worker-roles';
import { WorkerModule } from './worker.module';
import type { WorkerSettings } from './worker-settings';

export interface StartWorkerOptions {
  /** Defaults to WORKER_ROLES (tests pass their own list). */
  readonly registry?: readonly WorkerRole[];
  readonly logger?: LoggerService | LogLevel[] | false;
}

export interface RunningWorker {
  readonly app: INestMicroservice;
  readonly roles: readonly string[];
  /** Stops consuming (the batch in flight finishes), then the roles; the runtime stays open. */
  close(): Promise<void>;
}

/**
 * Creates the topics, then runs the selected roles as one Nest microservice whose transport is
 * KafkaBatchServer (it consumes only when the ingest role registered its handler).
 */
export async function startWorker(runtime: LedgerRuntime, settings: WorkerSettings, options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const roles = selectRoles(options.registry ?? WORKER_ROLES, settings.roles);
  const kafka = new Kafka({ clientId: settings.clientId, brokers: [...settings.brokers], logLevel: logLevel.WARN });
  await ensureTopics(kafka, settings.topics, settings);
  const strategy = new KafkaBatchServer({
    kafka,
    groupId: settings.groupId,
    subscriptions: [{ pattern: INGEST_COMMAND_BATCH, topics: [settings.topics.commands, settings.topics.usage] }],
    sessionTimeoutMs: settings.sessionTimeoutMs,
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
    partitionsConsumedConcurrently: settings.ingestConcurrency,
    maxBytesPerPartition: settings.maxBytesPerPartition,
    pipelineDepth: settings.ingestPipelineDepth,
  });
  const app = await NestFactory.createMicroservice(WorkerModule.forRoot(runtime, kafka, settings, roles), {
    strategy,
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  await app.listen();
  let closing: Promise<void> | undefined;
  return { app, roles: roles.map((role) => role.name), close: () => (closing ??= app.close()) };
}
