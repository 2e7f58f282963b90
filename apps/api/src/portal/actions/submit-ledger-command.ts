import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { BillingLog } from '@ledger/domain';
import { positionFromString } from '@ledger/event-store';
import type { CommandOutcome } from '@ledger/ledger';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/runtime';
import type { PortalSession } from '../access/portal-grant';

/** A ledger command from a portal form: issued by the session's user, with the form's commandId. */
export class SubmitLedgerCommand extends Command<CommandOutcome> {
  constructor(
    readonly session: PortalSession,
    readonly type: string,
    readonly payload: Record<string, unknown>,
    readonly commandId: string,
    readonly dryRun = false,
  ) {
    super();
  }
}

/**
 * An ordinary command through the ledger's one command path (validate → decide → pay → append).
 * After a real command it waits until the read models show it, so the page the customer is sent
 * to next already reflects the change.
 */
@CommandHandler(SubmitLedgerCommand)
export class SubmitLedgerCommandHandler implements ICommandHandler<SubmitLedgerCommand> {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  async execute({ session, type, payload, commandId, dryRun }: SubmitLedgerCommand): Promise<CommandOutcome> {
    const outcome = await this.runtime.commands.handle({
      commandId,
      type,
      accountId: session.accountId,
      issuedAt: this.runtime.clock.now().toISOString(),
      issuedBy: { type: 'USER', id: session.principalId },
      payload,
      ...(dryRun ? { dryRun: true } : {}),
    });
    if (outcome.position !== undefined) await this.runtime.projector.whenVisible(positionFromString(outcome.position));
    return outcome;
  }
}

/** The charge a dry run would make (the first would-be billing log), or null when it was refused. */
export const previewedLog = (outcome: CommandOutcome): BillingLog | null =>
  outcome.status === 'ACCEPTED' && outcome.dryRun !== undefined && outcome.dryRun.billingLogs.length > 0 ? (outcome.dryRun.billingLogs[0] as BillingLog) : null;
