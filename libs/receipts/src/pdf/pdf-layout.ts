import { BOLD, REGULAR } from './receipt-fonts';

export const MARGIN = 56;
export const INK = '#1a1a1a';
export const MUTED = '#6b6b6b';
export const RULE = '#c8c8c8';
const AMOUNT_WIDTH = 130;
const GAP = 16;

export const contentWidth = (doc: PDFKit.PDFDocument): number => doc.page.width - 2 * MARGIN;

export interface RowStyle {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
}

/** Starts a new page when the next block would cross the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

/** A text row with a right-aligned value (an amount) in the last column. */
export function amountRow(doc: PDFKit.PDFDocument, label: string, amount: string, style: RowStyle = {}): void {
  const size = style.size ?? 10;
  doc.font(style.bold ? BOLD : REGULAR).fontSize(size).fillColor(style.color ?? INK);
  ensureSpace(doc, size * 1.6);
  const y = doc.y;
  const labelWidth = contentWidth(doc) - AMOUNT_WIDTH - GAP;
  doc.text(label, MARGIN, y, { width: labelWidth });
  const labelBottom = doc.y;
  doc.text(amount, MARGIN + labelWidth + GAP, y, { width: AMOUNT_WIDTH, align: 'right' });
  doc.x = MARGIN;
  doc.y = Math.max(labelBottom, doc.y);
}

/** `label  value` pairs, label in a fixed muted column. */
export function fieldRow(doc: PDFKit.PDFDocument, x: number, width: number, label: string, value: string): void {
  const labelWidth = 78;
  const y = doc.y;
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(label, x, y, { width: labelWidth });
  doc.font(REGULAR).fontSize(9).fillColor(INK).text(value, x + labelWidth, y, { width: width - labelWidth });
  doc.moveDown(0.25);
}

export function heading(doc: PDFKit.PDFDocument, text: string, x = MARGIN, width = contentWidth(doc)): void {
  doc.font(BOLD).fontSize(11).fillColor(INK).text(text, x, doc.y, { width });
  doc.moveDown(0.3);
}

export function rule(doc: PDFKit.PDFDocument, weight = 0.5, color = RULE): void {
  doc.moveDown(0.4);
  doc.moveTo(MARGIN, doc.y).lineTo(doc.page.width - MARGIN, doc.y).lineWidth(weight).strokeColor(color).stroke();
  doc.moveDown(0.6);
}
