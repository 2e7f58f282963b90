/** How far a command's issuedAt may drift from the handler's clock and still be trusted. */
export const ACCEPTED_ISSUED_AT_SKEW_MS = 5 * 60 * 1000;

/**
 * The instant a command takes effect (domain.md "Time and periods"): the sender's issuedAt when it
 * is within the accepted skew of our clock, otherwise our clock — so a replayed or delayed message
 * cannot backdate a charge, and a clock-skewed sender cannot post-date one.
 */
export function resolveActionDate(issuedAt: string, now: Date, skewMs = ACCEPTED_ISSUED_AT_SKEW_MS): string {
  const issued = Date.parse(issuedAt);
  const trusted = Number.isFinite(issued) && Math.abs(issued - now.getTime()) <= skewMs;
  return new Date(trusted ? issued : now.getTime()).toISOString();
}
