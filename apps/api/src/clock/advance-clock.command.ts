import { Command } from '@nestjs/cqrs';
import type { ClockAdvancedDto } from './set-clock.dto';

export class AdvanceClockCommand extends Command<ClockAdvancedDto> {
  constructor(readonly now: string) {
    super();
  }
}
