import { formatKstDateTime } from '../format';
import { isRefundKind, receiptKindOf } from '../receipt/receipt-kind';
import type { Receipt } from '../receipt/receipt.types';
import { contentWidth, fieldRow, heading, MARGIN, MUTED, rule } from './pdf-layout';
import { BOLD, REGULAR } from './receipt-fonts';

/** Title `영수증`, receipt number and dates. */
export function drawTitle(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  const refund = isRefundKind(receiptKindOf(receipt.log));
  doc.font(BOLD).fontSize(26).text('영수증', MARGIN, MARGIN, { width: contentWidth(doc), align: 'center' });
  doc.font(REGULAR).fontSize(10).fillColor(MUTED);
  doc.text(refund ? '환불 내역 (RECEIPT — REFUND)' : 'RECEIPT', { width: contentWidth(doc), align: 'center' });
  doc.moveDown(1.2);
  const width = contentWidth(doc);
  fieldRow(doc, MARGIN, width, '영수증 번호', receipt.receiptNumber);
  fieldRow(doc, MARGIN, width, refund ? '환불 일시' : '결제 일시', `${formatKstDateTime(receipt.log.actionDate)} (KST)`);
  fieldRow(doc, MARGIN, width, '발행 일시', `${formatKstDateTime(receipt.issuedAt)} (KST)`);
  fieldRow(doc, MARGIN, width, '결제 이력 ID', receipt.log.subscriptionBillingLogId);
  rule(doc);
}

/** 공급자 on the left, 공급받는자 on the right. */
export function drawParties(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  const columnWidth = (contentWidth(doc) - 24) / 2;
  const right = MARGIN + columnWidth + 24;
  const top = doc.y;

  heading(doc, '공급자', MARGIN, columnWidth);
  fieldRow(doc, MARGIN, columnWidth, '상호', receipt.supplier.name);
  fieldRow(doc, MARGIN, columnWidth, '대표자', receipt.supplier.representative);
  fieldRow(doc, MARGIN, columnWidth, '사업자등록번호', receipt.supplier.businessRegistrationNumber);
  fieldRow(doc, MARGIN, columnWidth, '주소', receipt.supplier.address);
  const leftBottom = doc.y;

  doc.y = top;
  heading(doc, '공급받는자', right, columnWidth);
  fieldRow(doc, right, columnWidth, '계정 ID', receipt.customer.accountId);
  if (receipt.customer.name !== null) fieldRow(doc, right, columnWidth, '고객명', receipt.customer.name);

  doc.x = MARGIN;
  doc.y = Math.max(leftBottom, doc.y);
  rule(doc);
}
