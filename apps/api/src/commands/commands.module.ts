import { Body, Controller, Get, HttpCode, Param, Post, Module } from '@nestjs/common';
import { CommandBus, QueryBus, CqrsModule } from '@nestjs/cqrs';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { CommandOutcome } from '@ledger/ledger';
import { Auth } from '../auth/auth.decorators';
import { MAX_COMMANDS_PER_REQUEST, commandBatchOf } from './command-batch';
import { GetCommandOutcome, GetCommandOutcomeHandler } from './command-outcomes.query';
import { CommandMetrics, SubmitCommands, SubmitCommandsHandler } from './submit-commands';
import { ReadYourWrites } from './read-your-writes';

export class CommandIdParam {
  @IsString()
  @Length(1, 200)
  commandId!: string;
}

@ApiTags('internal')
@Controller('internal/v1/commands')
@Auth('jwt', 'admin')
export class CommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: `One command envelope or an array of up to ${MAX_COMMANDS_PER_REQUEST}; answers once the read models show the result (≤ 2 s)` })
  @ApiBody({ description: 'A command envelope (domain.md) or an array of them' })
  @ApiOkResponse({ description: 'The outcome (an array for an array); a domain rejection is an outcome with status REJECTED' })
  @ApiServiceUnavailableResponse({ description: 'Event store, read store or gateway unavailable: retry the same envelopes' })
  submit(@Body() body: unknown): Promise<CommandOutcome | CommandOutcome[]> {
    return this.commands.execute(new SubmitCommands(commandBatchOf(body)));
  }

  @Get(':commandId')
  @ApiOperation({ summary: 'The recorded outcome of a command' })
  @ApiNotFoundResponse({ description: 'No recorded outcome (unknown, invalid or retryable-rejected command)' })
  outcome(@Param() params: CommandIdParam): Promise<CommandOutcome> {
    return this.queries.execute(new GetCommandOutcome(params.commandId));
  }
}

/** POST /internal/v1/commands and GET /internal/v1/commands/:commandId (admin). */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [CommandsController],
  providers: [SubmitCommandsHandler, GetCommandOutcomeHandler, CommandMetrics, ReadYourWrites],
})
export class CommandsModule {}
