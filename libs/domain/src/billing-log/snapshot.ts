import type { SnapshotContent } from '../events/charges';
import type { DomainEvent } from '../events/event';

/** GET /plans/me/billing-snapshots/:snapshotId */
export interface BillingSnapshot extends SnapshotContent {
  readonly snapshotId: string;
  readonly accountId: string;
  readonly capturedAt: string;
}

export const snapshotsOf = (event: DomainEvent): BillingSnapshot[] => {
  switch (event.type) {
    case 'SubscriptionRenewed.v1':
      return [{ snapshotId: event.data.snapshotId, accountId: event.data.accountId, ...event.data.quote.snapshot, capturedAt: event.data.occurredAt }];
    case 'SubscriptionCanceled.v1':
      return [{ snapshotId: event.data.snapshotId, accountId: event.data.accountId, ...event.data.snapshot, capturedAt: event.data.occurredAt }];
    default:
      return [];
  }
};
