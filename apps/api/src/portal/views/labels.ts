import type { SubscriptionStatus, Tier } from '@ledger/domain';
import { formatKrw, formatKstDate, formatKstDateTime } from '@ledger/receipts';

export const TIER_LABELS: Readonly<Record<Tier, string>> = { FREE: '무료', STARTER: '스타터', PRO: '프로', ENTERPRISE: '엔터프라이즈' };

export const STATUS_LABELS: Readonly<Record<SubscriptionStatus, string>> = { ACTIVE: '이용 중', PAST_DUE: '결제 연체', CANCELED: '해지됨' };

const ACTION_LABELS: Readonly<Record<string, string>> = {
  UPGRADE: '업그레이드',
  SEAT_ADD: '좌석 추가',
  RENEWAL: '정기 결제',
  ADMIN_REFUND: '환불',
};

export const tierLabel = (tier: Tier | null): string => (tier === null ? '-' : TIER_LABELS[tier]);
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;
export const krw = (amount: number | null): string => (amount === null ? '-' : formatKrw(amount));
export const kstDate = (instant: string | null): string => (instant === null ? '-' : formatKstDate(instant));
export const kstDateTime = (instant: string): string => formatKstDateTime(instant);
/** null limits are unlimited. */
export const limitLabel = (limit: number | null): string => (limit === null ? '무제한' : limit.toLocaleString('en-US'));
