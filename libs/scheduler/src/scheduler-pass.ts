import type { LRUCache } from 'lru-cache';
import { type GlobalPosition, comparePositions, positionFromString } from '@ledger/event-store';
import { type PlanDocument, planStateOf, scheduledActionsOf } from '@ledger/projections';
import { findDuePlans } from './due-plans';
import { mapConcurrently } from './run-concurrently';
import type { SchedulerConfig } from './scheduler-config';
import type { SchedulerPorts, SchedulerReport } from './scheduler-ports';
import { systemCommandOf } from './system-commands';
import { untilVisible } from './visibility';

type OutcomeCounts = { ACCEPTED: number; REJECTED: number; DUPLICATE: number };

/**
 * One run of the billing clock up to an instant, in rounds: read the due plans, issue what each
 * account owes, wait until the projector shows the result, read again. Each round issues at most one
 * state-changing command per account, so an account two periods behind renews them in order.
 */
export class SchedulerPass {
  /** Command ids sent in this run: never sent twice in one run, whatever the read model says. */
  private readonly attempted = new Set<string>();
  /** Accounts left alone for the rest of this run (nothing more they can do now). */
  private readonly setAside = new Set<string>();
  private readonly stuck = new Set<string>();
  private readonly outcomes: OutcomeCounts = { ACCEPTED: 0, REJECTED: 0, DUPLICATE: 0 };
  private ticks = 0;

  constructor(
    private readonly ports: SchedulerPorts,
    private readonly config: SchedulerConfig,
    /** Shared across runs: command ids the ledger has answered for good. */
    private readonly answered: LRUCache<string, true>,
  ) {}

  /**
   * With `stepTestClock` the test clock is moved onto each due instant before its commands are
   * issued (never backwards), then onto `until`, as Stripe test clocks advance.
   */
  async run(until: string, stepTestClock: boolean): Promise<SchedulerReport> {
    for (;;) {
      const due = await findDuePlans(this.ports.readStore, until, this.setAside, this.config.batchSize);
      if (due.length === 0) break;
      const now = stepTestClock ? this.stepTestClockTo(due[0].dueAt!) : this.ports.clock.now().toISOString();
      const ready = due.filter((plan) => plan.dueAt! <= now);
      const positions = await mapConcurrently(ready, this.config.concurrency, (plan) => this.serve(plan, now));
      const latest = positions.filter((p): p is GlobalPosition => p !== undefined).sort(comparePositions).pop();
      if (latest === undefined) continue;
      this.ticks += 1;
      await untilVisible(this.ports.projector, latest, this.config.visibilityTimeoutMs);
    }
    if (stepTestClock) this.stepTestClockTo(until);
    const issued = this.outcomes.ACCEPTED + this.outcomes.REJECTED + this.outcomes.DUPLICATE;
    return { ticks: this.ticks, issued, outcomes: { ...this.outcomes }, stuck: [...this.stuck] };
  }

  private stepTestClockTo(instant: string): string {
    const clock = this.ports.testClock!;
    if (clock.now().toISOString() < instant) clock.set(instant);
    return clock.now().toISOString();
  }

  /**
   * Issues the account's earliest due action. A retryable refusal (a trial expiry that must wait for
   * a renewal first after downtime) falls through to the next action; a final answer that appended
   * nothing (DUPLICATE, or an invalid envelope) sets the account aside for this run.
   */
  private async serve(plan: PlanDocument, now: string): Promise<GlobalPosition | undefined> {
    const actions = scheduledActionsOf(planStateOf(plan)).filter(
      (action) => action.at <= now && !this.attempted.has(action.commandId) && !this.answered.has(action.commandId),
    );
    for (const action of actions) {
      this.attempted.add(action.commandId);
      const outcome = await this.ports.commands.handle(systemCommandOf(plan._id, action));
      this.outcomes[outcome.status] += 1;
      if (outcome.status === 'REJECTED' && outcome.retryable) continue;
      this.answered.set(action.commandId, true);
      if (outcome.position !== undefined) return positionFromString(outcome.position);
      if (outcome.status !== 'DUPLICATE') this.stuck.add(plan._id);
      break;
    }
    if (actions.length === 0) this.stuck.add(plan._id);
    this.setAside.add(plan._id);
    return undefined;
  }
}
