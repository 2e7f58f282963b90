import type { CommandOutcome } from '@ledger/ledger';
import type { Notice } from '../views/layout';

/** Outcome keys carried in the redirect after a form (`/portal?notice=…`); never free text. */
const SUCCESS: Readonly<Record<string, string>> = {
  UPGRADE: '요금제를 업그레이드했습니다. 결제가 완료되었습니다.',
  SEAT_ADD: '좌석을 추가했습니다. 결제가 완료되었습니다.',
  SEAT_REDUCE_SCHEDULED: '좌석 감소를 예약했습니다. 다음 결제일부터 적용됩니다.',
  DOWNGRADE_SCHEDULED: '다운그레이드를 예약했습니다. 다음 결제일부터 적용됩니다.',
  CANCEL_SCHEDULED: '구독 해지를 예약했습니다. 현재 결제 기간이 끝나면 해지됩니다.',
  REVOKE_SCHEDULED_CHANGE: '예약된 변경을 취소했습니다. 구독이 그대로 유지됩니다.',
  PAYMENT_METHOD_UPDATE: '결제 수단을 변경했습니다.',
  DUPLICATE: '이미 처리된 요청입니다. 다시 결제되지 않았습니다.',
};

const ERRORS: Readonly<Record<string, string>> = {
  PAYMENT_DECLINED: '카드 결제가 거절되었습니다. 결제된 금액은 없습니다. 다른 카드로 결제 수단을 변경한 뒤 다시 시도해 주세요.',
  PAYMENT_METHOD_REQUIRED: '등록된 결제 수단이 없습니다. 먼저 카드를 등록해 주세요.',
  RENEWAL_PENDING: '이번 달 갱신 결제가 아직 처리되지 않았습니다. 잠시 후 다시 시도해 주세요.',
  SEAT_LIMIT_EXCEEDED: '이 요금제에서 사용할 수 있는 최대 좌석 수를 넘었습니다.',
  TIER_NOT_HIGHER: '현재 요금제보다 높은 요금제만 업그레이드할 수 있습니다.',
  TIER_NOT_LOWER: '현재 요금제보다 낮은 요금제만 다운그레이드할 수 있습니다.',
  INVALID_TARGET_TIER: '무료 요금제로 바꾸려면 구독 해지를 이용해 주세요.',
  SEAT_COUNT_NOT_HIGHER: '현재 좌석 수보다 많은 좌석을 입력해 주세요.',
  SEAT_COUNT_NOT_LOWER: '현재 좌석 수보다 적은 좌석을 입력해 주세요.',
  SEAT_COUNT_BELOW_CURRENT: '좌석 수는 현재보다 적을 수 없습니다.',
  NOT_SUBSCRIBED: '유료 구독 중에만 할 수 있는 작업입니다.',
  NO_SCHEDULED_CHANGE: '예약된 변경이 없습니다.',
  PRICE_CHANGED: '안내한 금액이 달라져 결제하지 않았습니다. 새 금액을 확인해 주세요.',
  INVALID_CARD: '카드 번호가 올바르지 않습니다.',
};

const GENERIC_ERROR = '요청을 처리하지 못했습니다. 입력을 확인한 뒤 다시 시도해 주세요.';

/** The notice key for an outcome: the command type on success, the error code otherwise. */
export const noticeKeyOf = (type: string, outcome: CommandOutcome): string => {
  if (outcome.status === 'ACCEPTED') return type;
  if (outcome.status === 'DUPLICATE') return outcome.originalStatus === 'REJECTED' && outcome.errorCode ? outcome.errorCode : 'DUPLICATE';
  return outcome.errorCode ?? 'UNKNOWN';
};

export const noticeFor = (key: string | undefined): Notice | null => {
  if (key === undefined) return null;
  if (Object.hasOwn(SUCCESS, key)) return { kind: 'success', message: SUCCESS[key] };
  return { kind: 'error', message: Object.hasOwn(ERRORS, key) ? ERRORS[key] : GENERIC_ERROR };
};
