import type { CommandPayloads, CommandType, IssuerType, Period } from '@ledger/domain';
import { DAY_MS, periodStart, toIso, toMillis } from '@ledger/domain';
import type { CommandOutcome } from '@ledger/ledger';
import { issueSandboxBillingKey } from '@ledger/payments';

/** Looks up the outcome of a command the seeder already ran (for payloads that name an earlier log). */
export type EarlierOutcome = (commandId: string) => CommandOutcome;

/** One command of the demo history, issued when the seeder's clock stands at `at`. */
export interface DemoStep<T extends CommandType = CommandType> {
  readonly at: string;
  readonly accountId: string;
  readonly commandId: string;
  readonly type: T;
  readonly issuedBy: IssuerType;
  readonly payload: CommandPayloads[T] | ((earlier: EarlierOutcome) => CommandPayloads[T]);
  /** The decline the story includes on purpose; every other step must be ACCEPTED. */
  readonly expectedErrorCode?: string;
}

const ISSUER_IDS: Record<IssuerType, string> = { USER: 'demo-user', SYSTEM: 'scheduler', ADMIN: 'demo-admin' };

export const issuerOf = (type: IssuerType): { type: IssuerType; id: string } => ({ type, id: ISSUER_IDS[type] });

/** A KST wall-clock instant inside a billing period: day of month, hour and minute. */
export const kstInstant = (period: Period, day: number, hour = 0, minute = 0): string =>
  toIso(toMillis(periodStart(period)) + (day - 1) * DAY_MS + (hour * 60 + minute) * 60_000);

/** The instant a fraction of the way from `from` to `to` (whole milliseconds). */
export const between = (from: string, to: string, fraction: number): string =>
  toIso(toMillis(from) + Math.floor((toMillis(to) - toMillis(from)) * fraction));

/** Test cards of the sandbox gateway (domain.md), through its card form as the portal would. */
export const DEMO_CARDS = {
  approving: issueSandboxBillingKey('4242424242424242'),
  declining: issueSandboxBillingKey('4000000000000002'),
};
