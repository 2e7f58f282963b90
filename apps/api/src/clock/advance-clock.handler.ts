import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@ledger/errors';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/runtime';
import { billingSchedulerOf } from '@ledger/scheduler';
import { AdvanceClockCommand } from './advance-clock.command';
import type { ClockAdvancedDto } from './set-clock.dto';

/** Moves the test clock and answers once the scheduler has processed everything due up to it. */
@CommandHandler(AdvanceClockCommand)
export class AdvanceClockHandler implements ICommandHandler<AdvanceClockCommand, ClockAdvancedDto> {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  async execute(command: AdvanceClockCommand): Promise<ClockAdvancedDto> {
    // Without LEDGER_TEST_CLOCK=1 the endpoint does not exist, as far as callers can tell.
    if (this.runtime.testClock === undefined) throw new NotFoundError();
    const { now, ticks } = await billingSchedulerOf(this.runtime).advanceTestClock(command.now);
    return { now, ticks };
  }
}
