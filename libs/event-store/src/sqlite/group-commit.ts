import type { AppendResult } from '../event-store.port';

/** What one append of a group came to: its result, or the error only that append failed with. */
export type AppendSettlement = { readonly result: AppendResult } | { readonly error: unknown };

interface Queued<Request> {
  readonly request: Request;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: appends requested in the same event-loop turn are written by one transaction, so
 * they share one WAL fsync. `commitGroup` runs every append of the group (each isolated, so one
 * conflict does not undo the others) and commits; only after that commit returned is any append
 * of the group acknowledged, so synchronous=FULL still means "acknowledged = durable".
 */
export class GroupCommit<Request> {
  private queue: Queued<Request>[] = [];
  private scheduled: Promise<void> | undefined;

  constructor(
    private readonly commitGroup: (requests: readonly Request[]) => AppendSettlement[],
    private readonly onCommitted: () => void,
  ) {}

  append(request: Request): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= new Promise<void>((done) => setImmediate(done)).then(() => this.commitQueued());
    });
  }

  /** Resolves once every append requested so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.scheduled) await this.scheduled;
  }

  private commitQueued(): void {
    const group = this.queue;
    this.queue = [];
    this.scheduled = undefined;
    let settlements: AppendSettlement[];
    try {
      settlements = this.commitGroup(group.map((queued) => queued.request));
    } catch (error) {
      group.forEach((queued) => queued.reject(error));
      return;
    }
    this.onCommitted();
    group.forEach((queued, index) => {
      const settlement = settlements[index];
      if ('result' in settlement) queued.resolve(settlement.result);
      else queued.reject(settlement.error);
    });
  }
}
