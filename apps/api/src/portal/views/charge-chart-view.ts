import type { MonthlyCharge } from '../reading/monthly-charges';
import { escapeHtml, raw, type SafeHtml } from './html';
import { krw } from './labels';

const WIDTH = 720;
const HEIGHT = 240;
const PADDING = { top: 24, right: 12, bottom: 36, left: 12 };

/** Rendered on the server as plain SVG: no chart library, no script. */
export const renderChargeChart = (charges: readonly MonthlyCharge[]): SafeHtml => {
  const max = Math.max(1, ...charges.map((charge) => charge.amount));
  const slot = (WIDTH - PADDING.left - PADDING.right) / charges.length;
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom;
  const bars = charges.map((charge, index) => {
    const height = Math.round((charge.amount / max) * plotHeight);
    const x = Math.round(PADDING.left + index * slot + slot * 0.15);
    const y = PADDING.top + plotHeight - height;
    const label = escapeHtml(`${charge.period} ${krw(charge.amount)}`);
    const month = escapeHtml(`${Number(charge.period.slice(5))}월`);
    const center = Math.round(PADDING.left + index * slot + slot / 2);
    return (
      `<g><title>${label}</title><rect x="${x}" y="${y}" width="${Math.round(slot * 0.7)}" height="${height}" rx="3" fill="#4b6bfb" data-period="${escapeHtml(charge.period)}" data-amount="${charge.amount}"></rect>` +
      `<text x="${center}" y="${HEIGHT - 14}" font-size="12" text-anchor="middle" fill="#6b7285">${month}</text></g>`
    );
  });
  const total = charges.reduce((sum, charge) => sum + charge.amount, 0);
  return raw(
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(`최근 12개월 결제 금액, 합계 ${krw(total)}`)}" xmlns="http://www.w3.org/2000/svg">` +
      `<line x1="${PADDING.left}" y1="${PADDING.top + plotHeight}" x2="${WIDTH - PADDING.right}" y2="${PADDING.top + plotHeight}" stroke="#cdd2df"></line>${bars.join('')}</svg>`,
  );
};
