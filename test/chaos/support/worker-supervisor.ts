import { pollUntil } from '../../infra/poll';
import { WorkerProcess } from '../../kafka/support/worker-process';
import type { KillMoment, KillMomentProbe } from './kill-moments';

export interface Kill extends KillMoment {
  readonly atResults: number;
  readonly atMs: number;
  /** Aimed at a gateway call: fired as soon as the gateway recorded a new charge, before its answer returned. */
  readonly afterCharge: boolean;
}

const CHARGE_WAIT_MS = 15_000;

export interface KillPlan {
  readonly resultCounts: readonly number[];
  /** Every other kill waits, after its result count, for the next gateway charge (if one comes). */
  readonly aimAtCharges: boolean;
}

/** The worker child process, SIGKILLed at the planned moments and started again on the same data dir. */
export class WorkerSupervisor {
  readonly kills: Kill[] = [];
  private readonly all: WorkerProcess[] = [];
  private worker: WorkerProcess;
  private restarting = false;

  constructor(private readonly env: Record<string, string>) {
    this.worker = this.spawn();
  }

  /** Any exit we did not cause is a failure of the run. */
  abortReason = (): string | undefined => (!this.restarting && this.worker.hasExited ? `the worker exited by itself:\n${this.worker.log.slice(-3000)}` : undefined);

  /**
   * Kills once the results topic holds each planned count (ascending), restarting every time. Before
   * each restart the probe records what the kill interrupted (a gateway call, a projection batch).
   */
  async killAt(plan: KillPlan, resultsSoFar: () => number, startedAt: number, timeoutMs: number, probe: KillMomentProbe): Promise<void> {
    for (const [index, threshold] of plan.resultCounts.entries()) {
      await this.until(() => resultsSoFar() >= threshold, `${threshold} results before kill ${index + 1}`, timeoutMs);
      const afterCharge = plan.aimAtCharges && index % 2 === 1 && (await this.nextCharge(probe));
      this.restarting = true;
      const exit = await this.worker.kill('SIGKILL');
      if (exit.signal !== 'SIGKILL') throw new Error(`kill ${index + 1}: the worker had already exited (${JSON.stringify(exit)})\n${this.worker.log.slice(-3000)}`);
      this.kills.push({ atResults: resultsSoFar(), atMs: Date.now() - startedAt, afterCharge, ...(await probe.inspect()) });
      this.worker = this.spawn();
      this.restarting = false;
    }
  }

  /** A graceful stop (SIGTERM finishes the batch in flight): exit code 0 expected. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.worker.kill('SIGTERM');
  }

  async killAll(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.kill('SIGKILL')));
  }

  /**
   * Waits for the gateway's next charge; false when none comes within CHARGE_WAIT_MS (late in a run
   * only usage may be left), and the kill then falls where it is, unaimed.
   */
  private async nextCharge(probe: KillMomentProbe): Promise<boolean> {
    const seen = probe.lastCharge();
    return this.until(() => probe.lastCharge() > seen, 'a new gateway charge', CHARGE_WAIT_MS).then(
      () => true,
      (error: Error) => {
        if (this.abortReason()) throw error;
        return false;
      },
    );
  }

  private until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
    return pollUntil(
      async () => {
        if (!condition()) throw new Error(`waiting for ${what}`);
      },
      { what, timeoutMs, intervalMs: 5, abortReason: this.abortReason },
    );
  }

  private spawn(): WorkerProcess {
    const worker = WorkerProcess.start(this.env);
    this.all.push(worker);
    return worker;
  }
}
