import { Controller, Get, Header, Inject, Param, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/runtime';
import type { FastifyReply } from 'fastify';
import { Matches } from 'class-validator';
import type { PortalSession } from '../access/portal-grant';
import { CurrentPortalSession, PortalSessionGuard } from '../access/portal-session.guard';
import { noticeFor, noticeKeyOf } from '../actions/action-notices';
import { HistoryQuery, NoticeQuery, SeatAddQuery, UpgradeQuery } from '../actions/portal-forms.dto';
import { SubmitLedgerCommand, previewedLog } from '../actions/submit-ledger-command';
import { ListBillingLogs } from '../../billing-logs/billing-logs.queries';
import { GetReceipt } from '../../receipts/receipt.queries';
import { PortalOverviewQuery } from '../reading/portal-queries';
import { type ChargePreview, renderChargePreview } from '../views/charge-preview-view';
import type { SafeHtml } from '../views/html';
import { type PortalTab, renderPage } from '../views/layout';
import { renderHistory } from '../views/history-view';
import { renderOverview } from '../views/overview-view';
import { CARD_FORM_SCRIPT_PATH, renderPaymentMethod } from '../views/payment-method-view';
import { renderPlanChange } from '../views/plan-change-view';
import { renderReceipt } from '../views/receipt-view';
import { tierLabel } from '../views/labels';
import { renderSeats } from '../views/seats-view';
import { PortalPageFilter } from './portal-page.filter';

export const HISTORY_PAGE_SIZE = 10;

class LogIdParam {
  @Matches(/^CRMSBL\d{15}SBL\d{8}$/, { message: 'logId must be a billing log id' })
  logId!: string;
}

interface PreviewSpec extends Omit<ChargePreview, 'log'> {
  readonly type: 'UPGRADE' | 'SEAT_ADD';
  readonly tab: PortalTab;
}

const page = (session: PortalSession, tab: PortalTab, title: string, notice: string | undefined, body: SafeHtml, scripts?: string[]): string =>
  renderPage({ title, tab, returnUrl: session.returnUrl, notice: noticeFor(notice), scripts }, body);

/** The portal's pages (GET only, no side effects); every one needs a portal session. */
@ApiExcludeController()
@Controller('portal')
@UseGuards(PortalSessionGuard)
@UseFilters(PortalPageFilter)
export class PortalPagesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    @Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async overview(@CurrentPortalSession() session: PortalSession, @Query() query: NoticeQuery): Promise<string> {
    const overview = await this.queryBus.execute(new PortalOverviewQuery(session.accountId));
    return page(session, 'overview', '개요', query.notice, renderOverview(overview, session));
  }

  @Get('plan')
  @Header('content-type', 'text/html; charset=utf-8')
  async plan(@CurrentPortalSession() session: PortalSession, @Query() query: NoticeQuery): Promise<string> {
    const { plan } = await this.queryBus.execute(new PortalOverviewQuery(session.accountId));
    return page(session, 'plan', '요금제 변경', query.notice, renderPlanChange(plan, this.runtime.catalog(), session));
  }

  @Get('plan/upgrade')
  upgradePreview(@CurrentPortalSession() session: PortalSession, @Query() query: UpgradeQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.preview(session, reply, query.notice, {
      type: 'UPGRADE',
      fields: { toTier: query.toTier, seatCount: query.seatCount },
      tab: 'plan',
      title: '업그레이드 확인',
      summary: `${tierLabel(query.toTier)} 요금제, 좌석 ${query.seatCount}개로 지금 업그레이드합니다. 남은 기간 요금을 일할 계산해 결제합니다.`,
      confirmAction: '/portal/plan/upgrade',
      backHref: '/portal/plan',
    });
  }

  @Get('seats')
  @Header('content-type', 'text/html; charset=utf-8')
  async seats(@CurrentPortalSession() session: PortalSession, @Query() query: NoticeQuery): Promise<string> {
    const { plan } = await this.queryBus.execute(new PortalOverviewQuery(session.accountId));
    return page(session, 'seats', '좌석', query.notice, renderSeats(plan, session));
  }

  @Get('seats/add')
  seatAddPreview(@CurrentPortalSession() session: PortalSession, @Query() query: SeatAddQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.preview(session, reply, query.notice, {
      type: 'SEAT_ADD',
      fields: { seatCount: query.seatCount },
      tab: 'seats',
      title: '좌석 추가 확인',
      summary: `좌석을 ${query.seatCount}개로 지금 늘립니다. 추가 좌석의 남은 기간 요금을 일할 계산해 결제합니다.`,
      confirmAction: '/portal/seats/add',
      backHref: '/portal/seats',
    });
  }

  @Get('payment-method')
  @Header('content-type', 'text/html; charset=utf-8')
  async paymentMethod(@CurrentPortalSession() session: PortalSession, @Query() query: NoticeQuery): Promise<string> {
    const { plan } = await this.queryBus.execute(new PortalOverviewQuery(session.accountId));
    return page(session, 'payment', '결제 수단', query.notice, renderPaymentMethod(plan, session), [CARD_FORM_SCRIPT_PATH]);
  }

  @Get('history')
  @Header('content-type', 'text/html; charset=utf-8')
  async history(@CurrentPortalSession() session: PortalSession, @Query() query: HistoryQuery): Promise<string> {
    const logs = await this.queryBus.execute(new ListBillingLogs(session.accountId, HISTORY_PAGE_SIZE, (query.page - 1) * HISTORY_PAGE_SIZE));
    return page(session, 'history', '청구 내역', undefined, renderHistory(logs));
  }

  @Get('receipts/:logId')
  @Header('content-type', 'text/html; charset=utf-8')
  async receipt(@CurrentPortalSession() session: PortalSession, @Param() params: LogIdParam): Promise<string> {
    const document = await this.queryBus.execute(new GetReceipt(session.accountId, params.logId, 'json'));
    if (document.format !== 'json') throw new Error('GetReceipt answered another format');
    return page(session, 'history', '영수증', undefined, renderReceipt(document.receipt));
  }

  @Get('receipts/:logId/pdf')
  async receiptPdf(@CurrentPortalSession() session: PortalSession, @Param() params: LogIdParam, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.queryBus.execute(new GetReceipt(session.accountId, params.logId, 'pdf'));
    if (document.format !== 'pdf') throw new Error('GetReceipt answered another format');
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="receipt-${document.receiptNumber}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(document.pdf);
  }

  /** The exact charge from a dry run of the same command, or back to the form with the reason. */
  private async preview(session: PortalSession, reply: FastifyReply, notice: string | undefined, spec: PreviewSpec): Promise<void> {
    const outcome = await this.commandBus.execute(new SubmitLedgerCommand(session, spec.type, spec.fields, `preview-${randomUUID()}`, true));
    const log = previewedLog(outcome);
    if (log === null) return void (await reply.redirect(`${spec.backHref}?notice=${noticeKeyOf(spec.type, outcome)}`, 303));
    const body = renderChargePreview({ ...spec, log }, session);
    await reply.header('content-type', 'text/html; charset=utf-8').send(page(session, spec.tab, spec.title, notice, body));
  }
}
