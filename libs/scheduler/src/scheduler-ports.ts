import type { GlobalPosition } from '@ledger/event-store';
import type { Clock, CommandOutcome, SettableClock } from '@ledger/ledger';
import type { ReadStore } from '@ledger/read-store';

/** What the scheduler needs from a runtime (a `LedgerRuntime` fits as it is). */
export interface SchedulerPorts {
  readonly readStore: ReadStore;
  readonly commands: { handle(raw: unknown): Promise<CommandOutcome> };
  readonly projector: { whenVisible(position: GlobalPosition): Promise<void> };
  /** The billing clock. */
  readonly clock: Clock;
  /** Present when LEDGER_TEST_CLOCK=1: the scheduler steps it through each due instant. */
  readonly testClock?: SettableClock;
}

/** What one run of the scheduler did. */
export interface SchedulerReport {
  /** Rounds that issued at least one command (with the test clock: due instants stepped through). */
  readonly ticks: number;
  readonly issued: number;
  readonly outcomes: Readonly<Record<'ACCEPTED' | 'REJECTED' | 'DUPLICATE', number>>;
  /** Accounts still due whose command gave a final answer without moving the plan on (investigate). */
  readonly stuck: readonly string[];
}
