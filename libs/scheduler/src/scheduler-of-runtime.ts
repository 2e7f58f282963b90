import type { LedgerRuntime } from '@ledger/runtime';
import { BillingScheduler } from './billing-scheduler';
import { schedulerConfigFromEnv, type SchedulerConfig } from './scheduler-config';

const schedulers = new WeakMap<LedgerRuntime, BillingScheduler>();

/**
 * One scheduler per runtime, so that in the embedded process the worker's timer and the api's
 * `PUT /internal/v1/clock` serialise on the same instance instead of racing each other.
 */
export function billingSchedulerOf(
  runtime: LedgerRuntime,
  config: SchedulerConfig = schedulerConfigFromEnv(),
  onError?: (error: Error) => void,
): BillingScheduler {
  let scheduler = schedulers.get(runtime);
  if (scheduler === undefined) {
    scheduler = new BillingScheduler(runtime, config, onError);
    schedulers.set(runtime, scheduler);
  }
  return scheduler;
}
