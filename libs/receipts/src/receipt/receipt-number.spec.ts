import { receiptNumberFor } from './receipt-number';
import { DEMO_SUPPLIER, supplierFromEnv } from './supplier';

describe('receiptNumberFor', () => {
  it('takes the timestamp and digits of a billing log id', () => {
    expect(receiptNumberFor('CRMSBL260423091530123SBL11122233')).toBe('R-260423091530123-11122233');
  });

  it('keeps other ids deterministic', () => {
    expect(receiptNumberFor('legacy-2025/12-001')).toBe('R-LEGACY202512001');
    expect(() => receiptNumberFor('--')).toThrow(RangeError);
  });
});

describe('supplierFromEnv', () => {
  it('falls back to the demo supplier for missing or blank values', () => {
    expect(supplierFromEnv({})).toEqual(DEMO_SUPPLIER);
    const supplier = supplierFromEnv({ RECEIPT_SUPPLIER_NAME: ' 주식회사 예시 ', RECEIPT_SUPPLIER_BRN: '  ' });
    expect(supplier).toEqual({ ...DEMO_SUPPLIER, name: '주식회사 예시' });
  });
});
