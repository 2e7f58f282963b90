import { type BillingLog, type PlanView, compareNewestFirst, planView } from '@ledger/domain';
import type { BillingLogDocument } from '@ledger/projections';
import { READ_MODELS } from '@ledger/projections';
import type { AuditDeps } from '../audit-deps';
import { eventsAsOf, readAccountHistory } from '../history/account-history';
import { replayAccount } from '../replay/replay-account';

export interface AsOfResult<T> {
  readonly accountId: string;
  readonly asOf: string;
  /** How many of the account's events had occurred by then. */
  readonly eventsApplied: number;
  readonly value: T;
}

const replayAsOf = async (deps: AuditDeps, accountId: string, asOf: string) => {
  const events = eventsAsOf(await readAccountHistory(deps.eventStore, accountId), asOf);
  return { events, replay: replayAccount(accountId, events) };
};

/** The plan as `GET /plans/me` would have answered at `asOf`: folded from the events, never from read models. */
export async function planAsOf(deps: AuditDeps, accountId: string, asOf: string): Promise<AsOfResult<PlanView>> {
  const { events, replay } = await replayAsOf(deps, accountId, asOf);
  return { accountId, asOf, eventsApplied: events.length, value: planView(replay.state, deps.catalog(), asOf) };
}

/** Every billing log of the account as it stood at `asOf` (all actions and statuses), newest first. */
export async function billingLogsAsOf(deps: AuditDeps, accountId: string, asOf: string): Promise<AsOfResult<BillingLogDocument[]>> {
  const { events, replay } = await replayAsOf(deps, accountId, asOf);
  const logs = [...replay.documents[READ_MODELS.billingLogs].values()] as BillingLogDocument[];
  return { accountId, asOf, eventsApplied: events.length, value: logs.sort((a: BillingLog, b: BillingLog) => compareNewestFirst(a, b)) };
}
