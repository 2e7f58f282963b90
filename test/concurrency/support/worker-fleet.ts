import { WorkerProcess } from '../../kafka/support/worker-process';

/**
 * Named worker processes over one data dir, read store and consumer group, each with its own roles
 * and Kafka clientId (= its name). Any exit the test did not ask for fails the run.
 */
export class WorkerFleet {
  private readonly running = new Map<string, WorkerProcess>();
  private readonly all: WorkerProcess[] = [];
  private readonly stopping = new Set<string>();

  constructor(private readonly env: Record<string, string>) {}

  start(name: string, roles: readonly string[]): void {
    const worker = WorkerProcess.start({ ...this.env, LEDGER_WORKER_ROLES: roles.join(','), LEDGER_KAFKA_CLIENT_ID: name });
    this.running.set(name, worker);
    this.all.push(worker);
  }

  abortReason = (): string | undefined => {
    const exited = [...this.running].find(([name, worker]) => worker.hasExited && !this.stopping.has(name));
    return exited && `worker ${exited[0]} exited by itself:\n${exited[1].log.slice(-3000)}`;
  };

  /** A graceful stop (SIGTERM: the batch in flight finishes, the member leaves the group). */
  async stop(name: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const worker = this.running.get(name);
    if (!worker) throw new Error(`no worker ${name}`);
    this.stopping.add(name);
    const exit = await worker.kill('SIGTERM');
    this.running.delete(name);
    this.stopping.delete(name);
    return exit;
  }

  async stopAll(): Promise<Record<string, { code: number | null; signal: NodeJS.Signals | null }>> {
    const names = [...this.running.keys()];
    const exits = await Promise.all(names.map((name) => this.stop(name)));
    return Object.fromEntries(names.map((name, index) => [name, exits[index]]));
  }

  async killAll(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.kill('SIGKILL')));
  }
}
