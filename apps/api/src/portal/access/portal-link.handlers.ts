import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AccountState, isPaid } from '@ledger/domain';
import { NoBillingAccountError } from '@ledger/errors';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/runtime';
import type { Principal } from '../../auth/principal';
import type { PortalSession } from './portal-grant';
import { PortalLinks } from './portal-links';
import { PortalSessions } from './portal-sessions';
import { PORTAL_SETTINGS, type PortalSettings, resolveReturnUrl } from './portal-settings';

/**
 * "Has a billing account" (the seed: bought before, or subscribed now): a paid subscription in
 * force, or at least one charge that moved money (legacy imports included). A card on file, a
 * trial or a declined first charge alone do not count.
 */
export const hasBillingAccount = (state: AccountState): boolean =>
  isPaid(state) || state.charges.some((charge) => charge.totalCharge > 0);

export class IssuePortalLinkCommand extends Command<{ url: string }> {
  constructor(
    readonly principal: Principal,
    readonly returnUrl: string | undefined,
  ) {
    super();
  }
}

@CommandHandler(IssuePortalLinkCommand)
export class IssuePortalLinkHandler implements ICommandHandler<IssuePortalLinkCommand> {
  constructor(
    @Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime,
    @Inject(PORTAL_SETTINGS) private readonly settings: PortalSettings,
    private readonly links: PortalLinks,
  ) {}

  async execute({ principal, returnUrl }: IssuePortalLinkCommand): Promise<{ url: string }> {
    const resolvedReturnUrl = resolveReturnUrl(returnUrl, this.settings);
    // From the event store, not a read model: a customer who paid a second ago has an account.
    const { state } = await this.runtime.accounts.load(principal.accountId, true);
    if (!hasBillingAccount(state)) throw new NoBillingAccountError();
    const token = await this.links.issue({ accountId: principal.accountId, principalId: principal.credentialId, returnUrl: resolvedReturnUrl });
    return { url: `${this.settings.publicUrl}/portal/session?token=${token}` };
  }
}

export class OpenPortalSessionCommand extends Command<{ sessionId: string; session: PortalSession }> {
  constructor(readonly token: string) {
    super();
  }
}

@CommandHandler(OpenPortalSessionCommand)
export class OpenPortalSessionHandler implements ICommandHandler<OpenPortalSessionCommand> {
  constructor(
    private readonly links: PortalLinks,
    private readonly sessions: PortalSessions,
  ) {}

  async execute({ token }: OpenPortalSessionCommand): Promise<{ sessionId: string; session: PortalSession }> {
    return this.sessions.start(await this.links.redeem(token));
  }
}
