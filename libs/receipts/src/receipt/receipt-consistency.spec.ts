import { e1UpgradeLog, e4RenewalLog, e4Snapshot, e7RefundLog } from '../testing/billing-log.fixtures';
import { buildReceipt } from './build-receipt';
import { ReceiptMismatchError } from './receipt-mismatch.error';

const issuedAt = '2026-04-23T00:20:00.000Z';

describe('buildReceipt refuses receipts that would not add up', () => {
  it.each([
    ['a total that is not subtotal + tax', { ...e1UpgradeLog, totalCharge: 73_333 }],
    ['a tax that is not floor(subtotal × 10%)', { ...e1UpgradeLog, taxAmount: 6_667, totalCharge: 73_333 }],
    ['a chargeAmount that is not the subtotal', { ...e1UpgradeLog, chargeAmount: 73_332 }],
    ['a failed payment', { ...e1UpgradeLog, status: 'FAILED' as const }],
  ])('throws for %s', (_case, log) => {
    expect(() => buildReceipt({ log, issuedAt })).toThrow(ReceiptMismatchError);
  });

  it('throws when a renewal is missing its snapshot, or gets another one', () => {
    expect(() => buildReceipt({ log: e4RenewalLog, snapshot: null, issuedAt })).toThrow(ReceiptMismatchError);
    const other = { ...e4Snapshot, snapshotId: 'CRMSBS260801000000000SBS99999999' };
    expect(() => buildReceipt({ log: e4RenewalLog, snapshot: other, issuedAt })).toThrow(ReceiptMismatchError);
  });

  it('throws when the snapshot overage does not explain the renewal subtotal', () => {
    const line = { ...e4Snapshot.overageLines[0], used: 23_000, overageUnits: 3_000, amount: 36_000 };
    const snapshot = { ...e4Snapshot, overageLines: [line] };
    expect(() => buildReceipt({ log: e4RenewalLog, snapshot, issuedAt })).toThrow(/ITEM lines vs SUBTOTAL/);
  });

  it('throws when refunds exceed the charge or belong to another account', () => {
    const huge = { ...e7RefundLog, refundAmount: 80_000 };
    expect(() => buildReceipt({ log: e1UpgradeLog, refunds: [huge], issuedAt })).toThrow(ReceiptMismatchError);
    const foreign = { ...e7RefundLog, accountId: 'acct_other' };
    expect(() => buildReceipt({ log: e1UpgradeLog, refunds: [foreign], issuedAt })).toThrow(ReceiptMismatchError);
  });

  it('throws for a customer of another account', () => {
    expect(() => buildReceipt({ log: e1UpgradeLog, customer: { accountId: 'acct_other' }, issuedAt })).toThrow(ReceiptMismatchError);
  });
});
