import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { AdvanceClockCommand } from './advance-clock.command';
import { ClockAdvancedDto, SetClockDto } from './set-clock.dto';

@ApiTags('internal')
@Controller('internal/v1/clock')
export class ClockController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @HttpCode(200)
  @Auth('jwt', 'admin')
  @ApiOkResponse({ type: ClockAdvancedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'not an instant, or earlier than the current test clock' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'LEDGER_TEST_CLOCK is not 1' })
  setClock(@Body() body: SetClockDto): Promise<ClockAdvancedDto> {
    return this.commandBus.execute(new AdvanceClockCommand(body.now));
  }
}
