import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { PortalLinkController } from './access/portal-link.controller';
import { IssuePortalLinkHandler, OpenPortalSessionHandler } from './access/portal-link.handlers';
import { PortalLinks } from './access/portal-links';
import { PortalCsrfGuard, PortalSessionGuard } from './access/portal-session.guard';
import { PortalSessions } from './access/portal-sessions';
import { PORTAL_SETTINGS, portalSettingsFrom } from './access/portal-settings';
import { PortalActionsController } from './actions/portal-actions.controller';
import { SandboxCardFormController } from './actions/sandbox-card-form.controller';
import { SubmitLedgerCommandHandler } from './actions/submit-ledger-command';
import { PortalAssetsController } from './pages/portal-assets.controller';
import { PortalPagesController } from './pages/portal-pages.controller';
import { BillingLogsModule } from '../billing-logs/billing-logs.module';
import { PlansModule } from '../plans/plans.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { PortalOverviewHandler } from './reading/portal-queries';

/**
 * The hosted billing portal (http-api.md "Hosted billing portal"): portal links for the customer's
 * app (JWT or API key), the session they open, server-rendered Korean pages and their forms.
 */
@Module({
  // The customer API's queries (plan, billing-log list, receipts) serve the portal's pages too.
  imports: [CqrsModule.forRoot(), PlansModule, BillingLogsModule, ReceiptsModule],
  controllers: [PortalLinkController, PortalPagesController, PortalActionsController, SandboxCardFormController, PortalAssetsController],
  providers: [
    { provide: PORTAL_SETTINGS, useFactory: (config: PlatformConfig) => portalSettingsFrom(config), inject: [PLATFORM_CONFIG] },
    PortalLinks,
    PortalSessions,
    PortalSessionGuard,
    PortalCsrfGuard,
    IssuePortalLinkHandler,
    OpenPortalSessionHandler,
    SubmitLedgerCommandHandler,
    PortalOverviewHandler,
  ],
})
export class PortalModule {}
