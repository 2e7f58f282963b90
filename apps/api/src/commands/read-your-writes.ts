import { Inject, Injectable } from '@nestjs/common';
import { type GlobalPosition, comparePositions, positionFromString } from '@ledger/event-store';
import type { CommandOutcome } from '@ledger/ledger';
import type { Projector } from '@ledger/projections';
import { PROJECTOR } from '@ledger/runtime';

/** How long a command answer may wait for the read models; past it, the answer goes out anyway. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2000;

const latestPosition = (outcomes: readonly CommandOutcome[]): GlobalPosition | undefined =>
  outcomes
    .flatMap((outcome) => (outcome.position === undefined ? [] : [positionFromString(outcome.position)]))
    .reduce<GlobalPosition | undefined>((latest, position) => (latest === undefined || comparePositions(position, latest) > 0 ? position : latest), undefined);

/**
 * Read-your-writes for the internal endpoint: the answer to a command waits (bounded) until the
 * projector has made its events visible, so a client that reads the plan, the logs or the outcome
 * right after writing sees its own write. The wait is bounded because the command itself is
 * already durable: a slow projector must delay, never fail, an answer.
 */
@Injectable()
export class ReadYourWrites {
  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {}

  /** true when visible, false when the bound passed first. */
  async wait(outcomes: readonly CommandOutcome[], timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<boolean> {
    const position = latestPosition(outcomes);
    if (position === undefined) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.projector.whenVisible(position).then(() => true as const), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
