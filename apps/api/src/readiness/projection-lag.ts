import { Inject, Injectable } from '@nestjs/common';
import type { Projector } from '@ledger/projections';
import { PROJECTOR } from '@ledger/runtime';
import { MetricsRegistry } from '../ops/metrics/metrics-registry';

/** Readiness fails when the read models trail the event store by more positions than this. */
export const DEFAULT_MAX_PROJECTION_LAG = 10_000n;
export const PROJECTION_LAG_LIMIT = Symbol('PROJECTION_LAG_LIMIT');

/** LEDGER_READY_MAX_LAG: a non-negative integer; anything else stops the start, naming the variable. */
export function projectionLagLimitFromEnv(env: Readonly<Record<string, string | undefined>>): bigint {
  const raw = env.LEDGER_READY_MAX_LAG?.trim();
  if (raw === undefined || raw === '') return DEFAULT_MAX_PROJECTION_LAG;
  if (!/^\d{1,15}$/.test(raw)) throw new RangeError('LEDGER_READY_MAX_LAG must be a non-negative integer (positions)');
  return BigInt(raw);
}

/** `ledger_projection_lag_events`, measured at each scrape (head position − projected position). */
@Injectable()
export class ProjectionLagGauge {
  constructor(metrics: MetricsRegistry, @Inject(PROJECTOR) projector: Projector) {
    metrics.gauge({
      name: 'ledger_projection_lag_events',
      help: 'Positions the read models trail the event store by',
      async collect() {
        // An unreachable store must not break the whole scrape: the readiness probe reports it.
        const lag = await projector.lag().catch(() => undefined);
        if (lag !== undefined) this.set(Number(lag));
      },
    });
  }
}
