import { type SafeHtml, html, raw } from './html';
import { PORTAL_STYLES } from './portal-styles';

export type PortalTab = 'overview' | 'plan' | 'seats' | 'payment' | 'history' | 'none';

export interface PageFrame {
  readonly title: string;
  readonly tab: PortalTab;
  /** Where "돌아가기" leads; absent on pages shown without a session (errors). */
  readonly returnUrl?: string;
  readonly notice?: Notice | null;
  /** Extra scripts served by this module (CSP: 'self' only). */
  readonly scripts?: readonly string[];
}

export interface Notice {
  readonly kind: 'success' | 'error';
  readonly message: string;
}

const TABS: ReadonlyArray<{ tab: PortalTab; href: string; label: string }> = [
  { tab: 'overview', href: '/portal', label: '개요' },
  { tab: 'plan', href: '/portal/plan', label: '요금제 변경' },
  { tab: 'seats', href: '/portal/seats', label: '좌석' },
  { tab: 'payment', href: '/portal/payment-method', label: '결제 수단' },
  { tab: 'history', href: '/portal/history', label: '청구 내역' },
];

const navigation = (current: PortalTab): SafeHtml =>
  html`<nav aria-label="포털 메뉴">${TABS.map(({ tab, href, label }) => html`<a href="${href}" class="${tab === current ? 'active' : ''}">${label}</a>`)}</nav>`;

export const noticeBox = (notice: Notice | null | undefined): SafeHtml | null =>
  notice ? html`<div id="notice" class="notice ${notice.kind === 'error' ? 'error' : ''}" role="${notice.kind === 'error' ? 'alert' : 'status'}">${notice.message}</div>` : null;

/** The whole document around a page body; the nav appears only inside a session. */
export const renderPage = (frame: PageFrame, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · 청구 포털</title><style>${raw(PORTAL_STYLES)}</style>
${(frame.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}</head>
<body><header><h1>청구 포털</h1>${frame.returnUrl ? html`<a href="${frame.returnUrl}" id="return-link">← 서비스로 돌아가기</a>` : null}</header>
${frame.tab === 'none' ? null : navigation(frame.tab)}
<main>${noticeBox(frame.notice)}${body}</main></body></html>`.value;
