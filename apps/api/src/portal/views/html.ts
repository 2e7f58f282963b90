/** HTML that is already escaped; only `html` and `raw` produce it, so user data cannot inject markup. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

const render = (value: Interpolation): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/** Tagged template: every interpolated value is escaped unless it is SafeHtml (nested `html`). */
export const html = (strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, literal, index) => out + literal + (index < values.length ? render(values[index]) : ''), ''));

/** For markup built by this module itself (the SVG chart); never for request or ledger data. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);
