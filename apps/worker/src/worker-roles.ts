import type { DynamicModule, Type } from '@nestjs/common';
import { IngestModule } from './ingest/ingest.module';
import { ProjectorRoleModule } from './projector/projector-role.module';
import { RelayRoleModule } from './relay/relay-role.module';
import { SchedulerRoleModule } from './scheduler/scheduler-role.module';

/**
 * A worker role: a Nest module whose providers start on application bootstrap and stop on
 * shutdown (or, for ingest, register the message handlers the Kafka transport consumes for).
 */
export interface WorkerRole {
  readonly name: string;
  readonly module: Type | DynamicModule;
}

/** Every role the worker can run; LEDGER_WORKER_ROLES picks among them (default: all). Add yours here. */
export const WORKER_ROLES: readonly WorkerRole[] = [
  { name: 'projector', module: ProjectorRoleModule },
  { name: 'ingest', module: IngestModule },
  { name: 'relay', module: RelayRoleModule },
  { name: 'scheduler', module: SchedulerRoleModule },
];

export function selectRoles(registry: readonly WorkerRole[], names?: readonly string[]): WorkerRole[] {
  if (!names) return [...registry];
  const unknown = names.filter((name) => !registry.some((role) => role.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown worker role(s): ${unknown.join(', ')}; known: ${registry.map((role) => role.name).join(', ')}`);
  }
  return registry.filter((role) => names.includes(role.name));
}
