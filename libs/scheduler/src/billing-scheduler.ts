import { LRUCache } from 'lru-cache';
import { ValidationError } from '@ledger/errors';
import { DEFAULT_SCHEDULER_CONFIG, type SchedulerConfig } from './scheduler-config';
import type { SchedulerPorts, SchedulerReport } from './scheduler-ports';
import { SchedulerPass } from './scheduler-pass';

export interface ClockAdvance extends SchedulerReport {
  readonly now: string;
}

/**
 * The billing clock: renewals, dunning retries and trial expiries, issued from the plans' due-date
 * index as deterministic commands, so two instances, a restart or a re-run only meet DUPLICATEs.
 * Runs are serialised: a timer tick and a test-clock move never interleave.
 */
export class BillingScheduler {
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private readonly answered = new LRUCache<string, true>({ max: 100_000 });

  constructor(
    private readonly ports: SchedulerPorts,
    private readonly config: SchedulerConfig = DEFAULT_SCHEDULER_CONFIG,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  /** Issues everything due up to the billing clock's present (catch-up after downtime included). */
  runDue(): Promise<SchedulerReport> {
    return this.serialised(() => this.newPass().run(this.ports.clock.now().toISOString(), false));
  }

  /**
   * Moves the test clock forward to `to`, stopping at every due instant on the way so that each
   * command's actionDate is the instant it fell due, and resolves once all of it is projected.
   */
  advanceTestClock(to: string): Promise<ClockAdvance> {
    return this.serialised(async () => {
      const clock = this.ports.testClock;
      if (clock === undefined) throw new Error('advanceTestClock needs LEDGER_TEST_CLOCK=1');
      const target = Date.parse(to);
      if (Number.isNaN(target)) throw new ValidationError('now는 ISO-8601 시각이어야 합니다.', [{ field: 'now', rule: 'isIsoInstant', message: 'now must be an ISO-8601 instant' }]);
      const current = clock.now();
      if (target < current.getTime()) {
        const message = `테스트 시계는 뒤로 돌릴 수 없습니다 (현재 ${current.toISOString()}).`;
        throw new ValidationError(message, [{ field: 'now', rule: 'notBefore', message: `now must not be before ${current.toISOString()}` }]);
      }
      const report = await this.newPass().run(new Date(target).toISOString(), true);
      return { ...report, now: clock.now().toISOString() };
    });
  }

  /** Ticks every `intervalMs` (and once at once); a failed tick is reported and retried next time. */
  start(): void {
    if (this.timer !== undefined) return;
    const tick = () => void this.runDue().catch((error: Error) => this.onError(error));
    this.timer = setInterval(tick, this.config.intervalMs);
    this.timer.unref();
    tick();
  }

  /** Stops the timer and waits for the run in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.queue.catch(() => undefined);
  }

  private newPass(): SchedulerPass {
    return new SchedulerPass(this.ports, this.config, this.answered);
  }

  private serialised<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.catch(() => undefined).then(run);
    this.queue = result;
    return result;
  }
}
