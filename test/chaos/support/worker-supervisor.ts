import { pollUntil } from '../../infra/poll';
import { WorkerProcess } from '../../kafka/support/worker-process';

export interface Kill {
  readonly atResults: number;
  readonly atMs: number;
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

  /** Kills once the results topic holds each planned count (ascending), restarting every time. */
  async killAt(resultCounts: readonly number[], resultsSoFar: () => number, startedAt: number, timeoutMs: number): Promise<void> {
    for (const threshold of resultCounts) {
      await pollUntil(
        async () => {
          if (resultsSoFar() < threshold) throw new Error(`${resultsSoFar()} of ${threshold} results`);
        },
        { what: `${threshold} results before kill ${this.kills.length + 1}`, timeoutMs, intervalMs: 10, abortReason: this.abortReason },
      );
      this.restarting = true;
      const exit = await this.worker.kill('SIGKILL');
      if (exit.signal !== 'SIGKILL') throw new Error(`kill ${this.kills.length + 1}: the worker had already exited (${JSON.stringify(exit)})\n${this.worker.log.slice(-3000)}`);
      this.kills.push({ atResults: resultsSoFar(), atMs: Date.now() - startedAt });
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

  private spawn(): WorkerProcess {
    const worker = WorkerProcess.start(this.env);
    this.all.push(worker);
    return worker;
  }
}
