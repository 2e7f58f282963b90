import { buildReceipt } from '../receipt/build-receipt';
import { DEMO_SUPPLIER } from '../receipt/supplier';
import { e1UpgradeLog, e4RenewalLog, e4Snapshot, e7RefundLog, legacyLog } from '../testing/billing-log.fixtures';
import { extractPdfText } from '../testing/pdf-text';
import { renderReceiptPdf } from './render-receipt-pdf';

const issuedAt = '2026-04-23T00:20:00.000Z';

describe('renderReceiptPdf', () => {
  const e1 = buildReceipt({ log: e1UpgradeLog, refunds: [e7RefundLog], customer: { name: '데모 고객' }, issuedAt });
  let e1Pdf: Buffer;
  let e1Text: string;

  beforeAll(async () => {
    e1Pdf = await renderReceiptPdf(e1);
    e1Text = await extractPdfText(e1Pdf);
  });

  it('writes a PDF', () => {
    expect(e1Pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('embeds Korean as real, extractable text', () => {
    for (const expected of ['영수증', 'R-260423091530123-11122233', DEMO_SUPPLIER.name, '공급자', '공급받는자', '데모 고객']) {
      expect(e1Text).toContain(expected);
    }
  });

  it('prints the E1 amounts, dates in KST, card and transaction', () => {
    for (const expected of ['66,666원', '6,666원', '73,332원', '2026-04-23 09:15:30', '2026-04-23 09:20:00', 'VISA **** 4242', 'sbx_tx_7f3a9c2e41d0']) {
      expect(e1Text).toContain(expected);
    }
    expect(e1Text).toContain('(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666');
  });

  it('lists the refunds against the log', () => {
    expect(e1Text).toContain('환불 내역');
    expect(e1Text).toContain('10,000원');
  });

  it('renders the same receipt to identical bytes', async () => {
    expect((await renderReceiptPdf(e1)).equals(e1Pdf)).toBe(true);
  });

  it.each([
    ['E4 renewal', buildReceipt({ log: e4RenewalLog, snapshot: e4Snapshot, issuedAt }), ['392,000원', '41,472원', '433,472원', '43,347원', '476,819원']],
    ['E7 refund', buildReceipt({ log: e7RefundLog, issuedAt }), ['환불 합계', '9,091원', '909원', '10,000원']],
    ['legacy log', buildReceipt({ log: legacyLog, issuedAt }), ['합계 (부가세 포함)', '55,000원']],
  ])('renders the %s', async (_case, receipt, expected) => {
    const text = await extractPdfText(await renderReceiptPdf(receipt));
    for (const amount of expected) expect(text).toContain(amount);
  });
});
