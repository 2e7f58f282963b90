import { Body, Controller, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PortalSession } from '../access/portal-grant';
import { CurrentPortalSession, PortalCsrfGuard, PortalSessionGuard } from '../access/portal-session.guard';
import { PortalPageFilter } from '../pages/portal-page.filter';
import { noticeKeyOf } from './action-notices';
import { DowngradeForm, PaymentMethodForm, PortalForm, SeatAddForm, SeatReduceForm, UpgradeForm } from './portal-forms.dto';
import { SubmitLedgerCommand, previewedLog } from './submit-ledger-command';

/**
 * The portal's forms: each is one ordinary ledger command issued by the session's user, then a
 * redirect (POST → 303 → GET) to a page that says what happened.
 */
@ApiExcludeController()
@Controller('portal')
@UseGuards(PortalSessionGuard, PortalCsrfGuard)
@UseFilters(PortalPageFilter)
export class PortalActionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('plan/upgrade')
  upgrade(@CurrentPortalSession() session: PortalSession, @Body() form: UpgradeForm, @Res() reply: FastifyReply): Promise<void> {
    const payload = { toTier: form.toTier, seatCount: form.seatCount };
    return this.chargeAsPreviewed(session, reply, 'UPGRADE', payload, form, `/portal/plan/upgrade?toTier=${form.toTier}&seatCount=${form.seatCount}`);
  }

  @Post('seats/add')
  addSeats(@CurrentPortalSession() session: PortalSession, @Body() form: SeatAddForm, @Res() reply: FastifyReply): Promise<void> {
    return this.chargeAsPreviewed(session, reply, 'SEAT_ADD', { seatCount: form.seatCount }, form, `/portal/seats/add?seatCount=${form.seatCount}`);
  }

  @Post('plan/downgrade')
  downgrade(@CurrentPortalSession() session: PortalSession, @Body() form: DowngradeForm, @Res() reply: FastifyReply): Promise<void> {
    return this.submit(session, reply, 'DOWNGRADE_SCHEDULED', { toTier: form.toTier }, form);
  }

  @Post('seats/reduce')
  reduceSeats(@CurrentPortalSession() session: PortalSession, @Body() form: SeatReduceForm, @Res() reply: FastifyReply): Promise<void> {
    return this.submit(session, reply, 'SEAT_REDUCE_SCHEDULED', { seatCount: form.seatCount }, form);
  }

  @Post('subscription/cancel')
  cancel(@CurrentPortalSession() session: PortalSession, @Body() form: PortalForm, @Res() reply: FastifyReply): Promise<void> {
    return this.submit(session, reply, 'CANCEL_SCHEDULED', {}, form);
  }

  /** Undoes a scheduled downgrade, seat reduction or cancellation ("resume"). */
  @Post('subscription/revoke')
  revoke(@CurrentPortalSession() session: PortalSession, @Body() form: PortalForm, @Res() reply: FastifyReply): Promise<void> {
    return this.submit(session, reply, 'REVOKE_SCHEDULED_CHANGE', {}, form);
  }

  @Post('payment-method')
  updatePaymentMethod(@CurrentPortalSession() session: PortalSession, @Body() form: PaymentMethodForm, @Res() reply: FastifyReply): Promise<void> {
    const payload = { billingKey: form.billingKey, brand: form.brand, last4: form.last4 };
    return this.submit(session, reply, 'PAYMENT_METHOD_UPDATE', payload, form, '/portal/payment-method');
  }

  private async submit(session: PortalSession, reply: FastifyReply, type: string, payload: Record<string, unknown>, form: PortalForm, page = '/portal'): Promise<void> {
    const outcome = await this.commandBus.execute(new SubmitLedgerCommand(session, type, payload, form.commandId));
    await reply.redirect(`${page}?notice=${noticeKeyOf(type, outcome)}`, 303);
  }

  /**
   * The customer agreed to the previewed total, so that is the only total we charge: a fresh dry
   * run (same commandId, so a double submit stays a DUPLICATE) must price the same, else the new
   * price is shown for confirmation instead (e.g. the day changed between preview and click).
   */
  private async chargeAsPreviewed(
    session: PortalSession,
    reply: FastifyReply,
    type: 'UPGRADE' | 'SEAT_ADD',
    payload: Record<string, unknown>,
    form: PortalForm & { expectedTotal: number },
    previewPage: string,
  ): Promise<void> {
    const dryRun = await this.commandBus.execute(new SubmitLedgerCommand(session, type, payload, form.commandId, true));
    const previewed = previewedLog(dryRun);
    if (previewed !== null && previewed.totalCharge !== form.expectedTotal) return void (await reply.redirect(`${previewPage}&notice=PRICE_CHANGED`, 303));
    await this.submit(session, reply, type, payload, form);
  }
}
