import type { PlanView } from '@ledger/domain';
import { type FormContext, actionForm, submitButton } from './forms';
import { type SafeHtml, html } from './html';

export const CARD_FORM_SCRIPT_PATH = '/portal/assets/card-form.js';

/**
 * Two forms: the gateway's card form (its number field posts to the sandbox gateway only, by the
 * script) and the portal's form that receives the billing key and sends PAYMENT_METHOD_UPDATE.
 * The card number has no `name` in the portal form, so it can never reach a ledger command.
 */
export const renderPaymentMethod = (plan: PlanView, forms: FormContext): SafeHtml => html`
<section class="card"><h2>결제 수단</h2><p id="card-on-file">${plan.paymentMethod === null ? '등록된 카드가 없습니다.' : `현재 카드: ${plan.paymentMethod.brand} •••• ${plan.paymentMethod.last4}`}</p></section>
<section class="card"><h2>새 카드 등록</h2>
<form method="post" action="/portal/sandbox-gateway/billing-keys" id="card-form" autocomplete="off">
<label for="card-number">카드 번호</label><input id="card-number" name="cardNumber" inputmode="numeric" maxlength="23" placeholder="4242 4242 4242 4242" required>
${submitButton('카드 등록')}<p class="notice error" id="card-error" hidden></p></form>
<p class="muted">샌드박스 결제 대행사의 카드 입력 양식입니다. 카드 번호는 결제 대행사에만 전달되고, 청구 시스템에는 결제 키만 저장됩니다.
테스트 카드: 4242 4242 4242 4242 (승인), 4000 0000 0000 0002 (거절)</p>
${actionForm(forms, '/portal/payment-method', {}, html`<input type="hidden" name="billingKey"><input type="hidden" name="brand"><input type="hidden" name="last4">`, { id: 'payment-method-form' })}
</section>`;

/** Served from this module (CSP: own scripts only); the portal's only script. */
export const CARD_FORM_SCRIPT = `'use strict';
(function () {
  var cardForm = document.getElementById('card-form');
  var keyForm = document.getElementById('payment-method-form');
  var error = document.getElementById('card-error');
  if (!cardForm || !keyForm) return;
  cardForm.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    fetch(cardForm.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': keyForm.elements._csrf.value },
      body: JSON.stringify({ cardNumber: document.getElementById('card-number').value })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.errorMessage || '카드를 등록하지 못했습니다.');
        keyForm.elements.billingKey.value = body.billingKey;
        keyForm.elements.brand.value = body.brand;
        keyForm.elements.last4.value = body.last4;
        keyForm.submit();
      });
    }).catch(function (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    });
  });
})();
`;
