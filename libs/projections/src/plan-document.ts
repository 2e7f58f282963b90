import { Map as ImmutableMap, Set as ImmutableSet } from 'immutable';
import { AccountState, CompactCommandIndex, PeriodUsage } from '@ledger/domain';
import { scheduledActionsOf } from './scheduled-actions';

/**
 * The plan read model: the folded account state minus its unbounded indexes (commands, charges,
 * the usage ids of a period — only the counters are kept) and any payment in progress, as plain
 * JSON so MongoDB can hold it and a document stays small however much usage an account reports. `GET /plans/me` turns it back into a state and asks the
 * domain's plan view, so trial visibility and "this period's usage" are judged at request time.
 */
export interface PlanDocument {
  readonly _id: string;
  readonly state: PlanStateJson;
  /** Next instant the scheduler must act on this account (renewal, retry or trial expiry); null if none. */
  readonly dueAt: string | null;
}

type PlanStateJson = Omit<AccountState, 'usage' | 'commands' | 'charges' | 'paymentInProgress'> & {
  readonly usage: Readonly<Record<string, { readonly messages: number }>>;
};

export function toPlanDocument(state: AccountState): PlanDocument {
  const { usage, commands: _commands, charges: _charges, paymentInProgress: _inProgress, ...plain } = state;
  const usageJson: Record<string, { messages: number }> = {};
  usage.forEach((periodUsage, period) => {
    usageJson[period] = { messages: periodUsage.messages };
  });
  return { _id: state.accountId, state: Object.assign(plain, { usage: usageJson }), dueAt: dueAtOf(state) };
}

export function planStateOf(document: PlanDocument): AccountState {
  const usage = ImmutableMap<string, PeriodUsage>(
    Object.entries(document.state.usage).map(([period, value]) => [
      period,
      { messages: value.messages, usageIds: ImmutableSet<string>() },
    ]),
  );
  return Object.assign({}, document.state, { usage, commands: CompactCommandIndex.empty(), charges: ImmutableMap(), paymentInProgress: null }) as AccountState;
}

/** The earliest scheduled action, so the scheduler works from an index instead of scanning streams. */
export function dueAtOf(state: AccountState): string | null {
  return scheduledActionsOf(state)[0]?.at ?? null;
}
