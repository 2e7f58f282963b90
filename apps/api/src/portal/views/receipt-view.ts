import type { ReceiptView } from '../../receipts/receipt.queries';
import { type SafeHtml, html } from './html';
import { actionLabel, kstDate, kstDateTime, krw } from './labels';

export const renderReceipt = (receipt: ReceiptView): SafeHtml => {
  const { log, supplier, customer } = receipt;
  return html`<section class="card" id="receipt"><h2>영수증 ${receipt.receiptNumber}</h2>
<div class="grid"><div><div class="muted">공급자</div>${supplier.name}<div class="muted">대표 ${supplier.representative} · 사업자등록번호 ${supplier.businessRegistrationNumber}</div><div class="muted">${supplier.address}</div></div>
<div><div class="muted">공급받는자</div>${customer.name ?? customer.accountId}</div>
<div><div class="muted">거래 일시</div>${kstDateTime(log.actionDate)}<div class="muted">${actionLabel(log.action)} · ${log.paymentMethodBrand ?? ''} ${log.paymentMethodLast4 ? `•••• ${log.paymentMethodLast4}` : ''}</div></div></div>
<table><tbody>${receipt.lines.map((line) => html`<tr><td>${line.label}${line.detail ? html`<div class="muted">${line.detail}</div>` : null}</td><td class="num">${krw(line.amount)}</td></tr>`)}</tbody></table>
${receipt.refunds.length === 0 ? null : html`<h3>환불</h3><table><tbody>${receipt.refunds.map((refund) => html`<tr><td>${kstDate(refund.date)} ${refund.id}</td><td class="num">${krw(refund.amount)}</td></tr>`)}</tbody></table>`}
<p><a class="button" id="receipt-pdf" href="/portal/receipts/${log.subscriptionBillingLogId}/pdf" download>PDF 다운로드</a> <a class="button secondary" href="/portal/history">청구 내역으로</a></p></section>`;
};
