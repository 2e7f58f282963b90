import PDFDocument from 'pdfkit';
import type { Receipt } from '../receipt/receipt.types';
import { MARGIN } from './pdf-layout';
import { drawFooter, drawLines, drawPayment, drawRefunds } from './receipt-body';
import { drawParties, drawTitle } from './receipt-header';
import { registerReceiptFonts, REGULAR } from './receipt-fonts';

/**
 * An A4 Korean receipt with Pretendard embedded (real, extractable text). Every date in the file
 * comes from the receipt's issuedAt, so rendering the same receipt twice gives identical bytes.
 */
export async function renderReceiptPdf(receipt: Receipt): Promise<Buffer> {
  const issuedAt = new Date(receipt.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // No default Helvetica: pdfkit would parse its metrics for every document, and it is never used.
    font: '',
    lang: 'ko-KR',
    displayTitle: true,
    info: {
      Title: `영수증 ${receipt.receiptNumber}`,
      Author: receipt.supplier.name,
      Subject: receipt.log.subscriptionBillingLogId,
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    registerReceiptFonts(doc);
    doc.font(REGULAR);
    drawTitle(doc, receipt);
    drawParties(doc, receipt);
    drawLines(doc, receipt);
    drawPayment(doc, receipt);
    drawRefunds(doc, receipt);
    drawFooter(doc, receipt);
  } finally {
    doc.end();
  }
  return finished;
}
