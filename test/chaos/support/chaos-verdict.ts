import type { CommandResultMessage } from '@ledger/messaging';
import type { Movement } from '@ledger/payments';
import { MONEY_MOVING } from './chaos-script';

/** What a result says happened, the same for the first answer and any DUPLICATE re-answer. */
export const outcomeOf = (result: CommandResultMessage): string =>
  [result.status === 'DUPLICATE' ? result.originalStatus : result.status, result.errorCode ?? '-', result.billingLogIds.join(',')].join(' ');

/** commandId → the distinct outcomes published for it (exactly one each is the requirement). */
export function outcomesByCommand(results: readonly CommandResultMessage[]): Map<string, Set<string>> {
  const outcomes = new Map<string, Set<string>>();
  for (const result of results) outcomes.set(result.commandId, (outcomes.get(result.commandId) ?? new Set()).add(outcomeOf(result)));
  return outcomes;
}

/** The gateway operations the accepted commands must have caused: `<kind> <accountId>/<commandId>`. */
export function expectedMovements(results: readonly CommandResultMessage[], typeOf: ReadonlyMap<string, string>): string[] {
  const expected = new Set<string>();
  for (const result of results) {
    const kind = MONEY_MOVING[typeOf.get(result.commandId) ?? ''];
    const accepted = (result.status === 'DUPLICATE' ? result.originalStatus : result.status) === 'ACCEPTED';
    if (kind && accepted) expected.add(`${kind} ${result.accountId}/${result.commandId}`);
  }
  return [...expected].sort();
}

export const movementKeys = (movements: readonly Movement[]): string[] => movements.map((movement) => `${movement.kind} ${movement.idempotencyKey}`).sort();

/** "status/errorCode" → how many commands ended so: the figures of a run. */
export function outcomeTally(results: readonly CommandResultMessage[]): Record<string, number> {
  const first = new Map<string, CommandResultMessage>();
  for (const result of results) if (!first.has(result.commandId)) first.set(result.commandId, result);
  const tally: Record<string, number> = {};
  for (const result of first.values()) {
    const key = `${result.status === 'DUPLICATE' ? result.originalStatus : result.status}/${result.errorCode ?? '-'}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}
