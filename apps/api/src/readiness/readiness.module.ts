import { Inject, Injectable, Module } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { Projector } from '@ledger/projections';
import type { ReadStore } from '@ledger/read-store';
import { EVENT_STORE, PROJECTOR, READ_STORE } from '@ledger/runtime';
import { ReadinessCheck, type ReadinessProbe } from '../ops/health/readiness';
import { PROJECTION_LAG_LIMIT, ProjectionLagGauge, projectionLagLimitFromEnv } from './projection-lag';

@Injectable()
@ReadinessCheck()
export class EventStoreProbe implements ReadinessProbe {
  readonly name = 'event-store';
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  check(): Promise<unknown> {
    return this.store.headPosition();
  }
}

@Injectable()
@ReadinessCheck()
export class ReadStoreProbe implements ReadinessProbe {
  readonly name = 'read-store';
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  check(): Promise<void> {
    return this.readStore.ping();
  }
}

/** Customers would read stale plans and logs: an instance that far behind takes no traffic. */
@Injectable()
@ReadinessCheck()
export class ProjectionLagProbe implements ReadinessProbe {
  readonly name = 'projection-lag';
  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(PROJECTION_LAG_LIMIT) private readonly limit: bigint,
  ) {}

  async check(): Promise<void> {
    const lag = await this.projector.lag();
    if (lag > this.limit) throw new Error(`projection lag ${lag} exceeds ${this.limit} positions`);
  }
}

/** GET /health/ready checks of the ledger (event store, read store, projection lag) and the lag gauge. */
@Module({
  providers: [
    { provide: PROJECTION_LAG_LIMIT, useFactory: () => projectionLagLimitFromEnv(process.env) },
    EventStoreProbe,
    ReadStoreProbe,
    ProjectionLagProbe,
    ProjectionLagGauge,
  ],
})
export class LedgerReadinessModule {}
