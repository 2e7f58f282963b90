import type { PlanView } from '@ledger/domain';
import { type FormContext, actionForm, submitButton } from './forms';
import { type SafeHtml, html } from './html';
import { krw, limitLabel } from './labels';

export const renderSeats = (plan: PlanView, forms: FormContext): SafeHtml => {
  const canAdd = plan.nextBillingDate !== null && (plan.limits.seats === null || plan.seatCount < plan.limits.seats);
  return html`<section class="card"><h2>좌석</h2><p>현재 <strong id="seat-count">${plan.seatCount}</strong>개 사용 중 (최대 ${limitLabel(plan.limits.seats)}), 좌석당 ${krw(plan.unitPrice)}/월</p>
${plan.nextBillingDate === null ? html`<p class="muted">좌석은 유료 요금제에서 바꿀 수 있습니다.</p>` : null}
${canAdd ? html`<h3>좌석 추가 (즉시, 남은 기간 일할 결제)</h3><form method="get" action="/portal/seats/add" id="seat-add-form">
<label>새 좌석 수 <input type="number" name="seatCount" min="${plan.seatCount + 1}" ${plan.limits.seats === null ? '' : html`max="${plan.limits.seats}"`} value="${plan.seatCount + 1}" required></label>${submitButton('추가 금액 확인')}</form>` : null}
${plan.nextBillingDate !== null && plan.seatCount > 1
    ? html`<h3>좌석 줄이기 (다음 결제일부터)</h3>${actionForm(forms, '/portal/seats/reduce', {}, html`<label>새 좌석 수 <input type="number" name="seatCount" min="1" max="${plan.seatCount - 1}" value="${plan.seatCount - 1}" required></label>${submitButton('감소 예약', 'secondary')}`, { id: 'seat-reduce-form' })}`
    : null}</section>`;
};
