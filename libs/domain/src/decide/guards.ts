import type { Command, CommandType, IssuerType } from '../commands/command';
import { comparePeriods, periodOf } from '../time/kst';
import { isPaid, type AccountState } from '../state/account-state';
import { rejected, type Rejected } from './decision';

const REQUIRED_ISSUER: Partial<Record<CommandType, IssuerType>> = {
  ADMIN_SEAT_ADJUST: 'ADMIN',
  ADMIN_REFUND: 'ADMIN',
  LEGACY_LOG_IMPORT: 'ADMIN',
  RENEWAL: 'SYSTEM',
  TRIAL_EXPIRE: 'SYSTEM',
};

/** design.md: commands that change the subscription wait for the renewal of a new period. */
const WAITS_FOR_RENEWAL: ReadonlySet<CommandType> = new Set<CommandType>([
  'UPGRADE',
  'SEAT_ADD',
  'SEAT_REDUCE_SCHEDULED',
  'ADMIN_SEAT_ADJUST',
  'DOWNGRADE_SCHEDULED',
  'CANCEL_SCHEDULED',
  'REVOKE_SCHEDULED_CHANGE',
  'TRIAL_START',
  'TRIAL_EXPIRE',
  'TRIAL_CANCEL',
]);

export const issuerViolation = (command: Command): Rejected | null => {
  const required = REQUIRED_ISSUER[command.type];
  if (required === undefined || command.issuedBy.type === required) return null;
  return rejected('FORBIDDEN_ISSUER', `${command.type}는 ${required}만 발행할 수 있습니다.`, 'issuedBy.type');
};

export const renewalPendingViolation = (command: Command, state: AccountState, actionDate: string): Rejected | null => {
  if (!WAITS_FOR_RENEWAL.has(command.type) || state.currentPeriod === null) return null;
  if (comparePeriods(periodOf(actionDate), state.currentPeriod) <= 0) return null;
  return rejected('RENEWAL_PENDING', `${periodOf(actionDate)} 정기 결제가 아직 처리되지 않았습니다. 잠시 후 다시 시도하세요.`);
};

export const notSubscribedViolation = (state: AccountState): Rejected | null =>
  isPaid(state) ? null : rejected('NOT_SUBSCRIBED', '유료 구독 중인 계정이 아닙니다.');
