import type { EventStore } from '@ledger/event-store';
import { accountStreamId } from '@ledger/ledger';
import type { CommandResultMessage, LedgerEventMessage } from '@ledger/messaging';
import type { Movement } from '@ledger/payments';

/** commandIds in the order their events sit in the account's stream (one entry per command). */
export async function commandOrderInStream(store: EventStore, accountId: string): Promise<string[]> {
  const events = await store.readStream(accountStreamId(accountId));
  const order: string[] = [];
  for (const event of events) {
    const commandId = String(event.metadata.commandId);
    if (order[order.length - 1] !== commandId) order.push(commandId);
  }
  return order;
}

/** commandId → how many results were published for it. */
export function resultCounts(results: readonly CommandResultMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.commandId, (counts.get(result.commandId) ?? 0) + 1);
  return counts;
}

/** Idempotency keys charged more than once (must be empty). */
export function doubledCharges(movements: readonly Movement[]): string[] {
  const seen = new Map<string, number>();
  for (const movement of movements) seen.set(movement.idempotencyKey, (seen.get(movement.idempotencyKey) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}

/** Per account, the relayed events by streamRevision, first occurrence of each eventId. */
export function relayedByAccount(events: readonly LedgerEventMessage[]): Map<string, LedgerEventMessage[]> {
  const byAccount = new Map<string, LedgerEventMessage[]>();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    byAccount.set(event.accountId, [...(byAccount.get(event.accountId) ?? []), event]);
  }
  return byAccount;
}

/** One money movement, as the ledger's events record it or as the gateway made it. */
export interface MoneyLine {
  readonly kind: 'charge' | 'refund';
  readonly transactionId: string;
  readonly amount: number;
}

const byTransaction = (lines: MoneyLine[]): MoneyLine[] => lines.sort((a, b) => a.transactionId.localeCompare(b.transactionId));

/**
 * Every settled payment in the accounts' streams: a charge event carries `charge.totalCharge`, a
 * refund event its `amount`, both the gateway's `transactionId`. A PaymentFailed has no transaction.
 */
export async function moneyInEvents(store: EventStore, accountIds: readonly string[]): Promise<MoneyLine[]> {
  const lines: MoneyLine[] = [];
  for (const accountId of accountIds) {
    for (const event of await store.readStream(accountStreamId(accountId))) {
      const data = event.data as { transactionId?: unknown; charge?: { totalCharge: number }; amount?: number };
      if (typeof data.transactionId !== 'string') continue;
      lines.push(data.charge ? { kind: 'charge', transactionId: data.transactionId, amount: data.charge.totalCharge } : { kind: 'refund', transactionId: data.transactionId, amount: data.amount! });
    }
  }
  return byTransaction(lines);
}

/** What the gateway moved for these accounts (refunds belong to the account of their charge). */
export function moneyAtGateway(movements: readonly Movement[], accountIds: readonly string[]): MoneyLine[] {
  const accounts = new Set(accountIds);
  return byTransaction(movements.filter((movement) => accounts.has(movement.accountId ?? '')).map(({ kind, transactionId, amount }) => ({ kind, transactionId, amount })));
}
