import {
  DEFAULT_CATALOG,
  GENESIS_HASH,
  addDays,
  chainHash,
  decide,
  eventId,
  evolve,
  initialState,
  nextPeriod,
  periodStart,
  type AccountState,
  type Command,
  type DomainEvent,
} from '@ledger/domain';
import { simulatedApproval } from '@ledger/ledger';
import { openSqliteDatabase } from '../../libs/event-store/src/sqlite/sqlite-database';
import { benchAccountId } from './commands';

/** Commands of one account's year: a card, an upgrade, then per month usage readings and a renewal. */
function* yearOfCommands(accountId: string, firstPeriod: string, months: number, usagePerMonth: number): Generator<Command> {
  const issuedBy = { type: 'USER', id: 'bench-user' } as const;
  const system = { type: 'SYSTEM', id: 'scheduler' } as const;
  const start = addDays(periodStart(firstPeriod), 2);
  yield { commandId: `card-${accountId}`, type: 'PAYMENT_METHOD_UPDATE', accountId, issuedAt: start, issuedBy, payload: { billingKey: 'sealed:bench', brand: 'VISA', last4: '4242' } };
  yield { commandId: `upgrade-${accountId}`, type: 'UPGRADE', accountId, issuedAt: start, issuedBy, payload: { toTier: 'PRO', seatCount: 3 } };
  let period = firstPeriod;
  for (let month = 0; month < months; month++) {
    for (let reading = 0; reading < usagePerMonth; reading++) {
      const issuedAt = addDays(periodStart(period), 3 + reading);
      yield { commandId: `usage-${period}-${reading}`, type: 'USAGE_RECORD', accountId, issuedAt, issuedBy, payload: { usageId: `u-${period}-${reading}`, metric: 'messages', quantity: 1000 + reading } };
    }
    period = nextPeriod(period);
    yield { commandId: `renewal:${accountId}:${period}`, type: 'RENEWAL', accountId, issuedAt: periodStart(period), issuedBy: system, payload: { period } };
  }
}

/** decide → (simulated approval for a charge) → events, as the command handler would append them. */
function eventsOf(command: Command, state: AccountState): readonly DomainEvent[] {
  const decision = decide(command, state, { catalog: DEFAULT_CATALOG, actionDate: command.issuedAt });
  const settled = decision.kind === 'payment' ? decision.settle(simulatedApproval(decision.request, command.issuedAt)) : decision;
  if (settled.kind === 'accepted' || settled.kind === 'declined') return settled.events;
  throw new Error(`History command ${command.commandId} was not accepted: ${JSON.stringify(settled)}`);
}

export interface HistoryShape {
  readonly accounts: number;
  readonly months: number;
  readonly usagePerMonth: number;
  readonly firstPeriod?: string;
}

/**
 * Writes genuine account histories (domain decisions, hash chain and metadata exactly as the command
 * handler writes them) straight into an event-store file, accounts interleaved month by month like
 * production traffic. Far quicker than the handler, so read-side benchmarks can start from millions.
 */
export function writeHistory(file: string, shape: HistoryShape): { file: string; events: number } {
  const db = openSqliteDatabase({ file });
  db.pragma('synchronous = OFF'); // set-up only; the measured stores run with FULL
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const accounts = Array.from({ length: shape.accounts }, (_, index) => {
    const accountId = benchAccountId(index);
    return { accountId, commands: yearOfCommands(accountId, shape.firstPeriod ?? '2025-01', shape.months, shape.usagePerMonth), state: initialState(accountId), revision: 0, hash: GENESIS_HASH };
  });
  let events = 0;
  const writeRound = db.transaction(() => {
    let active = 0;
    for (const account of accounts) {
      const next = account.commands.next();
      if (next.done) continue;
      active += 1;
      const command = next.value;
      eventsOf(command, account.state).forEach((event, eventIndex) => {
        const prevHash = account.hash;
        account.hash = chainHash(prevHash, { type: event.type, data: event.data, revision: account.revision });
        const metadata = { commandId: command.commandId, commandType: command.type, issuedBy: command.issuedBy, issuedAt: command.issuedAt, actionDate: command.issuedAt, eventIndex, prevHash, hash: account.hash, schema: 1 };
        insert.run(`account-${account.accountId}`, account.revision, eventId(command.commandId, eventIndex), event.type, JSON.stringify(event.data), JSON.stringify(metadata), command.issuedAt);
        account.state = evolve(account.state, event);
        account.revision += 1;
        events += 1;
      });
    }
    return active;
  });
  while (writeRound() > 0);
  db.close();
  return { file, events };
}

/** Events per account of a history shape (the generator's command list, one event per command). */
export const eventsPerAccount = (shape: Omit<HistoryShape, 'accounts'>): number => 2 + shape.months * (shape.usagePerMonth + 1);
