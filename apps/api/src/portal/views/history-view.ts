import type { BillingLogPage } from '../../billing-logs/billing-log.dto';
import { type SafeHtml, html } from './html';
import { actionLabel, kstDateTime, krw, tierLabel } from './labels';

const pager = ({ limit, offset, totalCount }: BillingLogPage): SafeHtml | null => {
  const pages = Math.max(1, Math.ceil(totalCount / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages === 1) return null;
  return html`<div class="pager">${page > 1 ? html`<a class="button secondary" href="/portal/history?page=${page - 1}" rel="prev">이전</a>` : null}
<span id="page-info">${page} / ${pages}</span>${page < pages ? html`<a class="button secondary" href="/portal/history?page=${page + 1}" rel="next">다음</a>` : null}</div>`;
};

/** The customer list's rows (12 months, completed payments and refunds only), newest first. */
export const renderHistory = (history: BillingLogPage): SafeHtml => html`
<section class="card"><h2>청구 내역 (최근 12개월)</h2><p class="muted">총 <span id="history-count">${history.totalCount}</span>건</p>
${history.billingLogs.length === 0
    ? html`<p>표시할 청구 내역이 없습니다.</p>`
    : html`<table id="history"><thead><tr><th>일시</th><th>내역</th><th class="optional">요금제</th><th class="optional">좌석</th><th class="num">결제</th><th class="num">환불</th><th></th></tr></thead><tbody>
${history.billingLogs.map(
  (log) => html`<tr data-log-id="${log.subscriptionBillingLogId}"><td>${kstDateTime(log.actionDate)}</td><td>${actionLabel(log.action)}<div class="muted">${log.description}</div></td>
<td class="optional">${tierLabel(log.toTier)}</td><td class="optional">${log.seatCount ?? '-'}</td><td class="num">${krw(log.totalCharge ?? log.chargeAmount)}</td>
<td class="num">${log.refundAmount > 0 ? krw(log.refundAmount) : '-'}</td><td><a href="/portal/receipts/${log.subscriptionBillingLogId}">영수증</a></td></tr>`,
)}</tbody></table>`}
${pager(history)}</section>`;
