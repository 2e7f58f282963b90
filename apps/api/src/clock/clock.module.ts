import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdvanceClockHandler } from './advance-clock.handler';
import { ClockController } from './clock.controller';

/** PUT /internal/v1/clock: the test clock (LEDGER_TEST_CLOCK=1 only), driving the billing scheduler. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [ClockController],
  providers: [AdvanceClockHandler],
})
export class ClockModule {}
