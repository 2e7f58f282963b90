import { type AuditDeps, billingLogsAsOf, planAsOf } from '@ledger/audit';
import { formatKrw } from '@ledger/domain';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';

export interface ReplayCommandOptions {
  readonly accountId: string;
  /** ISO instant; default now. */
  readonly until: string;
}

const amount = (value: number | null): string => (value === null ? '-' : formatKrw(value));

/** `ledger replay --account <id> [--until <instant>]`: the plan and billing logs folded from the events up to that instant. */
export async function replayCommand(deps: AuditDeps, options: ReplayCommandOptions, io: CliIo): Promise<ExitCode> {
  const plan = await planAsOf(deps, options.accountId, options.until);
  const logs = await billingLogsAsOf(deps, options.accountId, options.until);
  const result = { accountId: options.accountId, asOf: options.until, eventsApplied: plan.eventsApplied, plan: plan.value, billingLogs: logs.value };
  report(io, result, () => {
    const view = plan.value;
    return [
      `account ${options.accountId} as of ${options.until} (${plan.eventsApplied} events)`,
      `  plan: ${view.tier} ${view.status}, ${view.seatCount} seats × ${formatKrw(view.unitPrice)} = ${formatKrw(view.monthlyAmount)} KRW/month, period ${view.billingPeriod}`,
      `  scheduled change: ${view.scheduledChange ? JSON.stringify(view.scheduledChange) : 'none'}; usage ${view.usage.messages} messages, ${view.usage.contacts} contacts`,
      `  billing logs (${logs.value.length}, newest first):`,
      ...logs.value.map(
        (log) => `    ${log.actionDate} ${log.subscriptionBillingLogId} ${log.action} ${log.status} total ${amount(log.totalCharge)} refund ${amount(log.refundAmount)} — ${log.description}`,
      ),
    ].join('\n');
  });
  return EXIT.OK;
}
