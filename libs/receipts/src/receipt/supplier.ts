import type { Supplier } from './receipt.types';

/** Demo values: a deployment sets the real ones through the environment (see supplierFromEnv). */
export const DEMO_SUPPLIER: Supplier = {
  name: '주식회사 레저빌링',
  representative: '김레저',
  businessRegistrationNumber: '123-45-67890',
  address: '서울특별시 강남구 테헤란로 123, 10층',
};

const SUPPLIER_ENV_KEYS: Record<keyof Supplier, string> = {
  name: 'RECEIPT_SUPPLIER_NAME',
  representative: 'RECEIPT_SUPPLIER_REPRESENTATIVE',
  businessRegistrationNumber: 'RECEIPT_SUPPLIER_BRN',
  address: 'RECEIPT_SUPPLIER_ADDRESS',
};

/** Reads RECEIPT_SUPPLIER_* variables; each one missing or blank falls back to the demo value. */
export function supplierFromEnv(env: Readonly<Record<string, string | undefined>>): Supplier {
  const pick = (key: keyof Supplier): string => env[SUPPLIER_ENV_KEYS[key]]?.trim() || DEMO_SUPPLIER[key];
  return {
    name: pick('name'),
    representative: pick('representative'),
    businessRegistrationNumber: pick('businessRegistrationNumber'),
    address: pick('address'),
  };
}
