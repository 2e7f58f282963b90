import type { CommandType } from '../vocabulary';
import { LegacyLogImportPayloadDto } from './legacy-payloads.dto';
import { AdminRefundPayloadDto, PaymentMethodUpdatePayloadDto } from './payment-payloads.dto';
import {
  DowngradeScheduledPayloadDto,
  EmptyPayloadDto,
  RenewalPayloadDto,
  SeatCountPayloadDto,
  UpgradePayloadDto,
} from './subscription-payloads.dto';
import { TrialStartPayloadDto } from './trial-payloads.dto';
import { UsageRecordPayloadDto } from './usage-payloads.dto';

export const PAYLOAD_DTO_BY_TYPE = {
  UPGRADE: UpgradePayloadDto,
  SEAT_ADD: SeatCountPayloadDto,
  SEAT_REDUCE_SCHEDULED: SeatCountPayloadDto,
  ADMIN_SEAT_ADJUST: SeatCountPayloadDto,
  DOWNGRADE_SCHEDULED: DowngradeScheduledPayloadDto,
  CANCEL_SCHEDULED: EmptyPayloadDto,
  REVOKE_SCHEDULED_CHANGE: EmptyPayloadDto,
  RENEWAL: RenewalPayloadDto,
  ADMIN_REFUND: AdminRefundPayloadDto,
  TRIAL_START: TrialStartPayloadDto,
  TRIAL_EXPIRE: EmptyPayloadDto,
  TRIAL_CANCEL: EmptyPayloadDto,
  PAYMENT_METHOD_UPDATE: PaymentMethodUpdatePayloadDto,
  USAGE_RECORD: UsageRecordPayloadDto,
  LEGACY_LOG_IMPORT: LegacyLogImportPayloadDto,
} as const satisfies Record<CommandType, new () => object>;

export type PayloadOf<T extends CommandType> = InstanceType<(typeof PAYLOAD_DTO_BY_TYPE)[T]>;
