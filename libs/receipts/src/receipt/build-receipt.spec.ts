import { e1UpgradeLog, e4RenewalLog, e4Snapshot, e7RefundLog, legacyLog } from '../testing/billing-log.fixtures';
import { buildReceipt } from './build-receipt';
import type { ReceiptLine } from './receipt.types';
import { DEMO_SUPPLIER } from './supplier';

const issuedAt = '2026-04-23T00:20:00.000Z';
const amounts = (lines: readonly ReceiptLine[]) => lines.map((line) => [line.kind, line.amount]);

describe('buildReceipt', () => {
  it('E1 upgrade: one proration line, then 공급가액 66,666, 부가세 6,666, 합계 73,332', () => {
    const receipt = buildReceipt({ log: e1UpgradeLog, issuedAt, customer: { name: '데모 고객' } });

    expect(receipt.receiptNumber).toBe('R-260423091530123-11122233');
    expect(receipt.issuedAt).toBe(issuedAt);
    expect(receipt.supplier).toEqual(DEMO_SUPPLIER);
    expect(receipt.customer).toEqual({ accountId: 'acct_e1_demo', name: '데모 고객' });
    expect(receipt.log).toBe(e1UpgradeLog);
    expect(receipt.snapshot).toBeNull();
    expect(receipt.refunds).toEqual([]);
    expect(amounts(receipt.lines)).toEqual([
      ['ITEM', 66_666],
      ['SUBTOTAL', 66_666],
      ['VAT', 6_666],
      ['TOTAL', 73_332],
    ]);
    expect(receipt.lines[0]).toMatchObject({
      label: '요금제 변경 일할 계산 (PRO → ENTERPRISE, 5석)',
      detail: '(99,000 × 5 − 49,000 × 5) × 8 / 30 = 66,666',
    });
    expect(receipt.lines[2].detail).toBe('floor(66,666 × 10 / 100) = 6,666');
  });

  it('E4 renewal: base fee plus one overage line from the snapshot', () => {
    const receipt = buildReceipt({ log: e4RenewalLog, snapshot: e4Snapshot, issuedAt });

    expect(receipt.snapshot).toBe(e4Snapshot);
    expect(amounts(receipt.lines)).toEqual([
      ['ITEM', 392_000],
      ['ITEM', 41_472],
      ['SUBTOTAL', 433_472],
      ['VAT', 43_347],
      ['TOTAL', 476_819],
    ]);
    expect(receipt.lines[0]).toMatchObject({ label: '기본 요금 (PRO × 8석, 2026-08)', detail: '49,000 × 8 = 392,000' });
    expect(receipt.lines[1]).toMatchObject({ label: '초과 사용 (메시지, 2026-07)', detail: '(23,456 − 20,000) × 12 = 41,472' });
  });

  it('E7 refund: 10,000 splits into 공급가액 9,091 and 부가세 909', () => {
    const receipt = buildReceipt({ log: e7RefundLog, issuedAt });

    expect(receipt.receiptNumber).toBe('R-260424101500000-70707070');
    expect(amounts(receipt.lines)).toEqual([
      ['ITEM', 9_091],
      ['SUBTOTAL', 9_091],
      ['VAT', 909],
      ['TOTAL', 10_000],
    ]);
    expect(receipt.lines[2].detail).toBe('floor(10,000 / 11) = 909');
    expect(receipt.lines[3].label).toBe('환불 합계');
  });

  it('legacy log: a single total line equal to chargeAmount', () => {
    const receipt = buildReceipt({ log: legacyLog, issuedAt });

    expect(receipt.lines).toEqual([{ kind: 'TOTAL', label: '합계 (부가세 포함)', detail: '레거시 정기 결제 (cash 연동)', amount: 55_000 }]);
  });

  it('lists refunds against the log, oldest first', () => {
    const later = { ...e7RefundLog, subscriptionBillingLogId: 'CRMSBL260425000000000SBL00000001', actionDate: '2026-04-25T00:00:00.000Z' };
    const receipt = buildReceipt({ log: e1UpgradeLog, refunds: [later, e7RefundLog], issuedAt });

    expect(receipt.refunds).toEqual([
      { id: e7RefundLog.subscriptionBillingLogId, date: '2026-04-24T01:15:00.000Z', amount: 10_000 },
      { id: later.subscriptionBillingLogId, date: '2026-04-25T00:00:00.000Z', amount: 10_000 },
    ]);
  });

  it('is deterministic: the same input gives an equal receipt', () => {
    const build = () => buildReceipt({ log: e4RenewalLog, snapshot: e4Snapshot, refunds: [], issuedAt });
    expect(build()).toEqual(build());
  });
});
