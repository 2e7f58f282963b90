import type { PlanView } from '@ledger/domain';
import type { PortalOverview } from '../reading/portal-queries';
import { renderChargeChart } from './charge-chart-view';
import { type FormContext, actionForm, submitButton } from './forms';
import { type SafeHtml, html } from './html';
import { STATUS_LABELS, kstDate, krw, limitLabel, tierLabel } from './labels';

const usageRow = (label: string, used: number, limit: number | null, unit: string): SafeHtml => {
  const percent = limit === null ? 0 : Math.min(100, Math.round((used / Math.max(1, limit)) * 100));
  return html`<div class="usage"><div>${label} <strong>${used.toLocaleString('en-US')}</strong> / ${limitLabel(limit)} ${unit}</div>
<div class="bar" role="progressbar" aria-label="${label}" aria-valuenow="${percent}" aria-valuemin="0" aria-valuemax="100"><span class="${limit !== null && used > limit ? 'over' : ''}" style="width:${percent}%"></span></div></div>`;
};

const scheduledChangeText = (plan: PlanView): string | null => {
  const change = plan.scheduledChange;
  if (change === null) return null;
  const from = `${kstDate(change.effectiveAt)}부터`;
  if (change.action === 'CANCEL') return `구독 해지 예정 (${from} 무료 요금제)`;
  if (change.action === 'DOWNGRADE') return `${tierLabel(change.toTier ?? null)} 요금제로 다운그레이드 예정 (${from})`;
  return `좌석 ${change.toSeatCount ?? '-'}개로 감소 예정 (${from})`;
};

const subscriptionControls = (plan: PlanView, forms: FormContext): SafeHtml | null => {
  const scheduled = scheduledChangeText(plan);
  if (scheduled !== null) {
    const label = plan.scheduledChange?.action === 'CANCEL' ? '구독 재개' : '예약 취소';
    return html`<p id="scheduled-change"><strong>예약된 변경:</strong> ${scheduled}</p>${actionForm(forms, '/portal/subscription/revoke', {}, submitButton(label, 'secondary'), { id: 'revoke-form' })}`;
  }
  if (plan.nextBillingDate === null) return null;
  return actionForm(forms, '/portal/subscription/cancel', {}, submitButton('구독 해지 (현재 기간 종료 시)', 'danger'), { id: 'cancel-form' });
};

export const renderOverview = ({ plan, charges }: PortalOverview, forms: FormContext): SafeHtml => html`
<section class="card" id="plan"><h2>현재 요금제</h2><div class="grid">
<div><div class="muted">요금제</div><div class="amount" id="plan-tier">${tierLabel(plan.tier)}</div><div class="muted" id="plan-status">${STATUS_LABELS[plan.status]}</div></div>
<div><div class="muted">월 요금 (부가세 별도)</div><div class="amount" id="plan-monthly">${krw(plan.monthlyAmount)}</div><div class="muted">좌석 <span id="plan-seats">${plan.seatCount}</span>개 × ${krw(plan.unitPrice)}</div></div>
<div><div class="muted">다음 결제일</div><div class="amount">${kstDate(plan.nextBillingDate)}</div><div class="muted">이번 기간 ${kstDate(plan.currentPeriodStart)} ~ ${kstDate(plan.currentPeriodEnd)}</div></div>
</div>${subscriptionControls(plan, forms)}
<p><a class="button" href="/portal/plan">요금제 변경</a> <a class="button secondary" href="/portal/seats">좌석 변경</a></p></section>
<section class="card" id="usage"><h2>사용량 (${plan.billingPeriod})</h2>
${usageRow('메시지', plan.usage.messages, plan.limits.messages, '건')}${usageRow('연락처', plan.usage.contacts, plan.limits.contacts, '개')}${usageRow('좌석', plan.seatCount, plan.limits.seats, '개')}</section>
<section class="card" id="charges"><h2>최근 12개월 결제 금액</h2>${renderChargeChart(charges)}</section>
<section class="card" id="payment-method"><h2>결제 수단</h2>
<p id="card-on-file">${plan.paymentMethod === null ? '등록된 카드가 없습니다.' : `${plan.paymentMethod.brand} •••• ${plan.paymentMethod.last4}`}</p>
<a class="button secondary" href="/portal/payment-method">결제 수단 변경</a> <a class="button secondary" href="/portal/history">청구 내역 보기</a></section>`;
