import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/runtime';
import { type BillingScheduler, billingSchedulerOf, schedulerConfigFromEnv } from '@ledger/scheduler';

/**
 * The billing clock as a worker role: ticks on a timer (LEDGER_SCHEDULER_INTERVAL_MS) and once at
 * start, so renewals missed while the worker was down are caught up at once. It shares the runtime's
 * scheduler with the api's PUT /internal/v1/clock, so the two never run at the same time in one process.
 */
@Injectable()
export class SchedulerRole implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('scheduler');
  private readonly scheduler: BillingScheduler;

  constructor(@Inject(LEDGER_RUNTIME) runtime: LedgerRuntime) {
    this.scheduler = billingSchedulerOf(runtime, schedulerConfigFromEnv(), (error) => this.logger.error(`tick failed, retrying next tick: ${error.message}`));
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.scheduler.stop();
  }
}

@Module({ providers: [SchedulerRole] })
export class SchedulerRoleModule {}
