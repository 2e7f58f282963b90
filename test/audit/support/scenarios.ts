import type { CommandType } from '@ledger/domain';
import { type AuditLedger, VISA_OK, kst } from './audit-ledger';

export const E1_AT = '2026-04-23T00:15:30.123Z';
export const E7_AT = kst('2026-04-24 10:15:00.000');

/** Called after each command with its instant, once its events are visible in the read models. */
export type AfterStep = (accountId: string, at: string) => Promise<void>;

interface Step {
  readonly type: CommandType;
  readonly payload: Record<string, unknown> | ((logs: Record<string, string>) => Record<string, unknown>);
  readonly at: string;
  /** Name under which the step's first billing log id is kept. */
  readonly logName?: string;
  readonly rejected?: boolean;
}

async function runSteps(ledger: AuditLedger, accountId: string, steps: readonly Step[], afterStep?: AfterStep): Promise<Record<string, string>> {
  const logs: Record<string, string> = {};
  for (const step of steps) {
    const payload = typeof step.payload === 'function' ? step.payload(logs) : step.payload;
    const outcome = await ledger.handle(accountId, step.type, payload, step.at);
    if (outcome.status !== (step.rejected ? 'REJECTED' : 'ACCEPTED')) throw new Error(`${step.type}: ${JSON.stringify(outcome)}`);
    if (step.logName) logs[step.logName] = outcome.billingLogIds[0];
    await afterStep?.(accountId, step.at);
  }
  return logs;
}

/** E1 (upgrade PRO 5 → ENTERPRISE on 04-23) and E7 (refund 10,000 of it; a second refund over the remainder is refused). */
export const runE1E7 = (ledger: AuditLedger, accountId: string, afterStep?: AfterStep) =>
  runSteps(
    ledger,
    accountId,
    [
      { type: 'PAYMENT_METHOD_UPDATE', payload: VISA_OK, at: kst('2026-04-01 10:00:00.000') },
      { type: 'UPGRADE', payload: { toTier: 'PRO', seatCount: 5 }, at: kst('2026-04-01 10:00:00.000'), logName: 'pro' },
      { type: 'UPGRADE', payload: { toTier: 'ENTERPRISE' }, at: E1_AT, logName: 'e1' },
      { type: 'ADMIN_REFUND', payload: (logs) => ({ originalLogId: logs.e1, amount: 10_000, reason: '고객 요청' }), at: E7_AT, logName: 'e7' },
      { type: 'ADMIN_REFUND', payload: (logs) => ({ originalLogId: logs.e1, amount: 63_333, reason: '초과' }), at: kst('2026-04-24 10:20:00.000'), rejected: true },
    ],
    afterStep,
  );

/** E5: PRO 8 seats, a downgrade to STARTER scheduled in August, renewed for September as STARTER. */
export const runE5 = (ledger: AuditLedger, accountId: string, afterStep?: AfterStep) =>
  runSteps(
    ledger,
    accountId,
    [
      { type: 'PAYMENT_METHOD_UPDATE', payload: VISA_OK, at: kst('2026-08-01 00:00:00.000') },
      { type: 'UPGRADE', payload: { toTier: 'PRO', seatCount: 8 }, at: kst('2026-08-01 00:00:00.000') },
      { type: 'DOWNGRADE_SCHEDULED', payload: { toTier: 'STARTER' }, at: kst('2026-08-10 10:00:00.000'), logName: 'downgrade' },
      { type: 'USAGE_RECORD', payload: { usageId: 'august-batch', metric: 'messages', quantity: 18_000 }, at: kst('2026-08-20 10:00:00.000') },
      { type: 'RENEWAL', payload: { period: '2026-09' }, at: kst('2026-09-01 00:00:00.000'), logName: 'e5' },
    ],
    afterStep,
  );
