import { formatKrw, formatKstDate, formatKstDateTime } from '../format';
import type { Receipt, ReceiptLine } from '../receipt/receipt.types';
import { amountRow, contentWidth, ensureSpace, fieldRow, heading, MARGIN, MUTED, rule } from './pdf-layout';
import { REGULAR } from './receipt-fonts';

function drawLine(doc: PDFKit.PDFDocument, line: ReceiptLine): void {
  if (line.kind === 'TOTAL') {
    amountRow(doc, line.label, formatKrw(line.amount), { bold: true, size: 13 });
  } else {
    amountRow(doc, line.label, formatKrw(line.amount), { color: line.kind === 'ITEM' ? undefined : MUTED });
  }
  if (line.detail !== null) {
    doc.font(REGULAR).fontSize(8.5).fillColor(MUTED).text(line.detail, MARGIN + 12, doc.y, { width: contentWidth(doc) - 160 });
  }
  doc.moveDown(0.45);
}

/** Items, then 공급가액 / 부가세 under a rule, then 합계 under a heavier one. */
export function drawLines(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  amountRow(doc, '항목', '금액', { color: MUTED, size: 9 });
  rule(doc);
  receipt.lines.forEach((line, index) => {
    const previous = receipt.lines[index - 1];
    if (previous?.kind === 'ITEM' && line.kind !== 'ITEM') rule(doc);
    if (line.kind === 'TOTAL' && previous !== undefined) rule(doc, 1.2, '#1a1a1a');
    drawLine(doc, line);
  });
  rule(doc);
}

function periodOf(receipt: Receipt): string {
  const { billingPeriod, billingPeriodStart, billingPeriodEnd } = receipt.log;
  if (billingPeriodStart === null || billingPeriodEnd === null) return billingPeriod ?? '—';
  return `${formatKstDate(billingPeriodStart)} ~ ${formatKstDate(billingPeriodEnd)}`;
}

export function drawPayment(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  const { paymentMethodBrand: brand, paymentMethodLast4: last4, transactionId } = receipt.log;
  ensureSpace(doc, 80);
  heading(doc, '결제 정보');
  const width = contentWidth(doc);
  fieldRow(doc, MARGIN, width, '결제 수단', brand !== null && last4 !== null ? `${brand} **** ${last4}` : '—');
  fieldRow(doc, MARGIN, width, '거래 번호', transactionId ?? '—');
  fieldRow(doc, MARGIN, width, '이용 기간', periodOf(receipt));
  if (receipt.log.description !== null) fieldRow(doc, MARGIN, width, '내역', receipt.log.description);
}

export function drawRefunds(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  if (receipt.refunds.length === 0) return;
  doc.moveDown(0.8);
  ensureSpace(doc, 40);
  heading(doc, '환불 내역');
  for (const refund of receipt.refunds) {
    amountRow(doc, `${formatKstDateTime(refund.date)}  ${refund.id}`, formatKrw(refund.amount), { size: 9 });
  }
}

/** Pinned to the bottom of the last page. */
export function drawFooter(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  const text =
    `본 영수증은 ${receipt.supplier.name}이(가) 전자적으로 발행한 거래 증빙이며, 부가가치세법상 세금계산서가 아닙니다.\n` +
    `금액은 원(KRW) 단위이며, 일시는 한국 표준시(KST) 기준입니다. ${receipt.receiptNumber}`;
  doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
  const height = doc.heightOfString(text, { width: contentWidth(doc), align: 'center' });
  const y = doc.page.height - MARGIN - height;
  if (doc.y > y) doc.addPage();
  doc.text(text, MARGIN, y, { width: contentWidth(doc), align: 'center' });
}
