import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Counter } from 'prom-client';
import { UnavailableError, isLedgerError } from '@ledger/errors';
import type { CommandOutcome, CommandHandler as LedgerCommandHandler } from '@ledger/ledger';
import { COMMAND_HANDLER } from '@ledger/runtime';
import { MetricsRegistry } from '../ops/metrics/metrics-registry';
import type { CommandBatch } from './command-batch';
import { ReadYourWrites } from './read-your-writes';

/** `ledger_commands_total{status, errorCode}`; errorCode is `none` for outcomes without one. */
@Injectable()
export class CommandMetrics {
  private readonly commands: Counter<'status' | 'errorCode'>;

  constructor(metrics: MetricsRegistry) {
    this.commands = metrics.counter({ name: 'ledger_commands_total', help: 'Commands handled, by outcome status and error code', labelNames: ['status', 'errorCode'] });
  }

  record(outcomes: readonly CommandOutcome[]): void {
    for (const outcome of outcomes) this.commands.inc({ status: outcome.status, errorCode: outcome.errorCode ?? 'none' });
  }
}

export class SubmitCommands extends Command<CommandOutcome | CommandOutcome[]> {
  constructor(readonly batch: CommandBatch) {
    super();
  }
}

/**
 * Runs envelopes through the ledger's command handler. Every domain answer is an outcome; what the
 * handler throws is infrastructure (store, read store or gateway unreachable) and becomes 503:
 * the caller retries the same envelopes, and commandId idempotency makes that safe, also for the
 * envelopes of a list that had already gone through (they answer DUPLICATE).
 */
@CommandHandler(SubmitCommands)
export class SubmitCommandsHandler implements ICommandHandler<SubmitCommands> {
  constructor(
    @Inject(COMMAND_HANDLER) private readonly ledger: LedgerCommandHandler,
    private readonly metrics: CommandMetrics,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ batch }: SubmitCommands): Promise<CommandOutcome | CommandOutcome[]> {
    const outcomes = await this.handle(batch.envelopes);
    this.metrics.record(outcomes);
    await this.readYourWrites.wait(outcomes);
    return batch.isList ? outcomes : outcomes[0];
  }

  private async handle(envelopes: readonly unknown[]): Promise<CommandOutcome[]> {
    try {
      return await this.ledger.handleMany(envelopes);
    } catch (error) {
      if (isLedgerError(error)) throw error;
      throw new UnavailableError(undefined, undefined, error);
    }
  }
}
