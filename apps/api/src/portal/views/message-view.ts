import { html } from './html';
import { renderPage } from './layout';

export interface MessagePage {
  readonly title: string;
  readonly message: string;
  readonly returnUrl?: string;
}

/** Errors and dead ends (expired link, no session): a Korean explanation and, if known, a way back. */
export const renderMessagePage = ({ title, message, returnUrl }: MessagePage): string =>
  renderPage(
    { title, tab: 'none', returnUrl },
    html`<section class="card"><h2>${title}</h2><p id="message">${message}</p>
<p class="muted">포털 링크는 서비스의 「청구 관리」 메뉴에서 다시 받을 수 있습니다.</p></section>`,
  );
