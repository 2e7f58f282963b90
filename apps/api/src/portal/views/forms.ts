import { randomUUID } from 'node:crypto';
import { type SafeHtml, html } from './html';

export interface FormContext {
  readonly csrfToken: string;
}

/**
 * A state-changing form: the session's CSRF token and a fresh commandId per rendering, so a double
 * submit of the same form is the same command (DUPLICATE), never a second charge.
 */
export const actionForm = (
  context: FormContext,
  action: string,
  fields: Readonly<Record<string, string | number>>,
  body: SafeHtml | string,
  options: { readonly id?: string; readonly className?: string } = {},
): SafeHtml =>
  html`<form method="post" action="${action}" class="${options.className ?? ''}" id="${options.id ?? ''}">
<input type="hidden" name="_csrf" value="${context.csrfToken}"><input type="hidden" name="commandId" value="portal-${randomUUID()}">
${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${String(value)}">`)}${body}</form>`;

export const submitButton = (label: string, variant: '' | 'secondary' | 'danger' = ''): SafeHtml => html`<button type="submit" class="${variant}">${label}</button>`;
