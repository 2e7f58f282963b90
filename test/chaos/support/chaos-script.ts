import { nextPeriod, periodOf } from '@ledger/domain';
import type { CommandResultMessage } from '@ledger/messaging';
import { VISA_DECLINED } from '../../../libs/ledger/src/testing/ledger-fixture';
import { VISA_OK, commandEnvelope } from '../../kafka/support/envelopes';
import type { SeededRandom } from './seeded-random';

export type Envelope = ReturnType<typeof commandEnvelope>;

/** One message to send: a new command built at send time, or a deliberate re-send of an earlier one. */
export type ScriptStep =
  | { readonly kind: 'command'; readonly accountId: string; readonly commandId: string; readonly type: string; readonly build: (issuedAt: string, resultOf: ResultLookup) => Envelope; readonly needs?: string }
  | { readonly kind: 'duplicate'; readonly accountId: string; readonly commandId: string };

export type ResultLookup = (commandId: string) => CommandResultMessage | undefined;

/** Commands that move money when accepted, by the gateway operation they cause. */
export const MONEY_MOVING: Readonly<Record<string, 'charge' | 'refund'>> = { UPGRADE: 'charge', SEAT_ADD: 'charge', RENEWAL: 'charge', ADMIN_REFUND: 'refund' };

export const STEPS_PER_ACCOUNT = 15;

/**
 * A customer's realistic month: card, subscription, usage, seat adds, an upgrade, an admin refund of
 * the first charge, the scheduler's renewal (SYSTEM, `renewal:<acct>:<period>`; it is not due yet on
 * the real clock, so it is a recorded rejection) and deliberate re-sends. Some accounts' cards decline.
 */
export function accountScript(accountId: string, random: SeededRandom): ScriptStep[] {
  const declining = random.chance(0.15);
  const id = (step: number) => `${accountId}-s${String(step).padStart(2, '0')}`;
  const command = (step: number, type: string, payload: Record<string, unknown>, issuedBy?: { type: string; id: string }): ScriptStep => ({
    kind: 'command',
    accountId,
    commandId: id(step),
    type,
    build: (issuedAt) => commandEnvelope(id(step), accountId, type, payload, { issuedAt, issuedBy }),
  });
  const usage = (step: number) => command(step, 'USAGE_RECORD', { usageId: `${id(step)}-u`, metric: 'messages', quantity: random.int(1, 5_000) });
  const refundOfFirstCharge: ScriptStep = {
    kind: 'command',
    accountId,
    commandId: id(8),
    type: 'ADMIN_REFUND',
    needs: id(1),
    build: (issuedAt, resultOf) => {
      const chargeLogId = resultOf(id(1))?.billingLogIds[0];
      if (!chargeLogId) throw new Error(`${id(1)} has no billing log to refund`);
      return commandEnvelope(id(8), accountId, 'ADMIN_REFUND', { originalLogId: chargeLogId, amount: random.int(1, 5) * 1_000, reason: '고객 요청 환불' }, { issuedAt, issuedBy: { type: 'ADMIN', id: 'admin-1' } });
    },
  };
  const renewalPeriod = nextPeriod(periodOf(new Date().toISOString()));
  const renewalId = `renewal:${accountId}:${renewalPeriod}`;
  const renewal: ScriptStep = {
    kind: 'command',
    accountId,
    commandId: renewalId,
    type: 'RENEWAL',
    build: (issuedAt) => commandEnvelope(renewalId, accountId, 'RENEWAL', { period: renewalPeriod }, { issuedAt, issuedBy: { type: 'SYSTEM', id: 'scheduler' } }),
  };
  const duplicate = (commandId: string): ScriptStep => ({ kind: 'duplicate', accountId, commandId });
  return [
    command(0, 'PAYMENT_METHOD_UPDATE', declining ? VISA_DECLINED : VISA_OK),
    command(1, 'UPGRADE', { toTier: 'STARTER', seatCount: 2 }),
    usage(2),
    command(3, 'SEAT_ADD', { seatCount: 3 }),
    usage(4),
    duplicate(id(1)),
    command(6, 'UPGRADE', { toTier: 'PRO', seatCount: random.int(3, 6) }),
    usage(7),
    declining ? usage(8) : refundOfFirstCharge,
    renewal,
    usage(10),
    command(11, 'SEAT_ADD', { seatCount: 8 }),
    duplicate(random.chance(0.5) ? id(3) : id(8)),
    usage(13),
    duplicate(renewalId),
  ];
}
