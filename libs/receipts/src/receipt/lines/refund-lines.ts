import { formatNumber } from '../../format';
import type { BillingLogInput } from '../receipt-input.types';
import type { ReceiptLine } from '../receipt.types';

/** A VAT-inclusive refund R splits as tax = floor(R / 11), supply = R − tax (domain.md, Money). */
export function splitRefund(refund: number): { supply: number; tax: number } {
  const tax = Math.floor(refund / 11);
  return { supply: refund - tax, tax };
}

export function refundLines(log: BillingLogInput): ReceiptLine[] {
  const refund = log.refundAmount ?? 0;
  const { supply, tax } = splitRefund(refund);
  const [r, s, t] = [refund, supply, tax].map(formatNumber);
  return [
    { kind: 'ITEM', label: '환불', detail: `${r} − ${t} = ${s}`, amount: supply },
    { kind: 'SUBTOTAL', label: '공급가액', detail: null, amount: supply },
    { kind: 'VAT', label: '부가세', detail: `floor(${r} / 11) = ${t}`, amount: tax },
    { kind: 'TOTAL', label: '환불 합계', detail: null, amount: refund },
  ];
}
