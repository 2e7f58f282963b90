const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

function assertInteger(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amounts are integer KRW, got ${amount}`);
}

/** `66666` → `66,666`. Grouped by hand so the output never depends on the ICU build. */
export function formatNumber(amount: number): string {
  assertInteger(amount);
  const digits = Math.abs(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return amount < 0 ? `-${digits}` : digits;
}

/** `73332` → `73,332원`. */
export function formatKrw(amount: number): string {
  return `${formatNumber(amount)}원`;
}

function toKst(instant: string): Date {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError(`Not an ISO-8601 instant: ${instant}`);
  return new Date(millis + KST_OFFSET_MS);
}

/** `2026-04-23T00:15:30.123Z` → `2026-04-23 09:15:30` (KST, no DST). */
export function formatKstDateTime(instant: string): string {
  return toKst(instant).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-04-30T14:59:59.999Z` → `2026-04-30` (KST). */
export function formatKstDate(instant: string): string {
  return toKst(instant).toISOString().slice(0, 10);
}
