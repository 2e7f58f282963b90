// CRMSBL + yyMMddHHmmssSSS (KST) + SBL + 8 digits (domain.md, "Identifiers").
const BILLING_LOG_ID = /^CRMSBL(\d{15})SBL(\d{8})$/;

/**
 * The receipt number is derived from the log id, so the same log always prints the same number
 * and no counter has to be stored: `CRMSBL260423091530123SBL11122233` → `R-260423091530123-11122233`.
 * Ids of another shape (imported history) keep their characters, upper-cased.
 */
export function receiptNumberFor(billingLogId: string): string {
  const match = BILLING_LOG_ID.exec(billingLogId);
  if (match) return `R-${match[1]}-${match[2]}`;
  const fallback = billingLogId.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (fallback.length === 0) throw new RangeError(`Cannot number a receipt for log id "${billingLogId}"`);
  return `R-${fallback}`;
}
