import type { BillingLog } from '@ledger/domain';
import { type FormContext, actionForm, submitButton } from './forms';
import { type SafeHtml, html } from './html';
import { krw } from './labels';

export interface ChargePreview {
  readonly title: string;
  readonly summary: string;
  /** The dry run's would-be billing log: the exact amounts the real command will charge. */
  readonly log: BillingLog;
  readonly confirmAction: string;
  readonly fields: Readonly<Record<string, string | number>>;
  readonly backHref: string;
}

/** Dry-run price, then one button that sends the real command with the previewed total attached. */
export const renderChargePreview = (preview: ChargePreview, forms: FormContext): SafeHtml => {
  const { log } = preview;
  return html`<section class="card" id="preview"><h2>${preview.title}</h2><p>${preview.summary}</p>
<table><tbody>
<tr><th>일할 계산</th><td class="num">${log.daysRemaining ?? '-'}일 / ${log.daysInMonth ?? '-'}일</td></tr>
<tr><th>공급가액</th><td class="num" id="preview-subtotal">${krw(log.subtotal)}</td></tr>
<tr><th>부가세</th><td class="num" id="preview-tax">${krw(log.taxAmount)}</td></tr>
<tr><th>지금 결제할 금액</th><td class="num amount" id="preview-total" data-amount="${log.totalCharge ?? 0}">${krw(log.totalCharge)}</td></tr>
</tbody></table>
<p class="muted">${log.calculationDetails.steps.join(' · ')}</p>
${actionForm(forms, preview.confirmAction, { ...preview.fields, expectedTotal: log.totalCharge ?? 0 }, html`${submitButton(`${krw(log.totalCharge)} 결제하고 변경`)} <a class="button secondary" href="${preview.backHref}">취소</a>`, { id: 'confirm-form' })}
</section>`;
};
