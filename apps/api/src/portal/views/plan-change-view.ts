import { type Catalog, type PlanView, TIERS, type Tier, compareTiers } from '@ledger/domain';
import { type FormContext, actionForm, submitButton } from './forms';
import { type SafeHtml, html } from './html';
import { krw, limitLabel, tierLabel } from './labels';

const upgradeForm = (tier: Tier, plan: PlanView): SafeHtml =>
  html`<form method="get" action="/portal/plan/upgrade" id="upgrade-${tier}"><input type="hidden" name="toTier" value="${tier}">
<label>좌석 수 <input type="number" name="seatCount" min="${plan.seatCount}" value="${plan.seatCount}" required></label>${submitButton('업그레이드 금액 확인')}</form>`;

const downgradeForm = (tier: Tier, forms: FormContext): SafeHtml =>
  actionForm(forms, '/portal/plan/downgrade', { toTier: tier }, submitButton('다음 결제일부터 다운그레이드', 'secondary'), { id: `downgrade-${tier}` });

const tierAction = (tier: Tier, plan: PlanView, catalog: Catalog, forms: FormContext): SafeHtml | string => {
  if (tier === plan.tier) return html`<strong>현재 요금제</strong>`;
  if (compareTiers(catalog, tier, plan.tier) > 0) return upgradeForm(tier, plan);
  if (tier === 'FREE') return '무료로 바꾸려면 개요에서 구독을 해지하세요.';
  return plan.nextBillingDate === null ? '' : downgradeForm(tier, forms);
};

export const renderPlanChange = (plan: PlanView, catalog: Catalog, forms: FormContext): SafeHtml => html`
<section class="card"><h2>요금제 변경</h2><p class="muted">업그레이드는 즉시 적용되고 남은 기간만큼 일할 계산해 결제합니다. 결제 전에 정확한 금액을 보여 드립니다.
다운그레이드는 다음 결제일에 적용되며 그 전까지 취소할 수 있습니다.</p>
<div class="grid">${TIERS.map((tier) => {
  const spec = catalog.tiers[tier];
  return html`<div class="card tier" id="tier-${tier}"><h3>${tierLabel(tier)}</h3><div class="amount">${krw(spec.monthlyPricePerSeat)}</div>
<div class="muted">좌석당 월 요금 (부가세 별도)</div><ul class="muted"><li>메시지 ${limitLabel(spec.includedMessages)}건/월</li>
<li>연락처 ${limitLabel(spec.contactsLimit)}</li><li>최대 좌석 ${limitLabel(spec.maxSeats)}</li></ul>${tierAction(tier, plan, catalog, forms)}</div>`;
})}</div></section>`;
