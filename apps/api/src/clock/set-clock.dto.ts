import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { isIsoInstant } from '@ledger/contracts';

/** Body of PUT /internal/v1/clock. */
export class SetClockDto {
  @ApiProperty({ example: '2026-08-01T00:00:00.000Z', description: 'The new billing-clock instant (ISO-8601 with a zone); never earlier than the current one' })
  @ValidateBy({ name: 'isIsoInstant', validator: { validate: isIsoInstant, defaultMessage: () => 'now must be an ISO-8601 instant with a zone offset' } })
  now!: string;
}

export class ClockAdvancedDto {
  @ApiProperty({ example: '2026-08-01T00:00:00.000Z' })
  now!: string;

  @ApiProperty({ example: 1, description: 'Scheduler rounds that issued commands on the way (due instants stepped through)' })
  ticks!: number;
}
