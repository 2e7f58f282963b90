import type { BillingLogDocument } from '@ledger/projections';

export type ExportFormat = 'csv' | 'ndjson';

/** The accounting columns, in file order (calculation steps stay in the ledger; see provenance). */
export const EXPORT_COLUMNS = [
  'subscriptionBillingLogId', 'accountId', 'action', 'status', 'actionDate', 'billingPeriod', 'fromTier', 'toTier',
  'seatCount', 'unitPrice', 'chargeAmount', 'subtotal', 'taxAmount', 'totalCharge', 'refundAmount', 'refundOf',
  'transactionId', 'paymentMethodBrand', 'paymentMethodLast4', 'processedBy', 'description', 'dateCreated',
] as const satisfies readonly (keyof BillingLogDocument)[];

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled; null is empty. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(',')}\r\n`;

export const csvRow = (log: BillingLogDocument): string => `${EXPORT_COLUMNS.map((column) => csvField(log[column])).join(',')}\r\n`;

export const ndjsonRow = (log: BillingLogDocument): string => {
  const { _id: _ignored, ...fields } = log;
  return `${JSON.stringify(fields)}\n`;
};
