import type { BillingSnapshot } from '@ledger/domain';
import { type BillingSnapshotDocument, READ_MODELS } from '@ledger/projections';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@ledger/errors';
import type { ReadStore } from '@ledger/read-store';
import { READ_STORE } from '@ledger/runtime';

/** http-api.md names the snapshot's id `id`; the domain calls it `snapshotId`. */
export type BillingSnapshotView = Omit<BillingSnapshot, 'snapshotId'> & { readonly id: string };

export const toSnapshotView = (document: BillingSnapshotDocument): BillingSnapshotView => ({
  id: document.snapshotId,
  accountId: document.accountId,
  billingPeriod: document.billingPeriod,
  tier: document.tier,
  seatCount: document.seatCount,
  usage: document.usage,
  limits: document.limits,
  overageLines: document.overageLines,
  baseFee: document.baseFee,
  subtotal: document.subtotal,
  taxAmount: document.taxAmount,
  totalCharge: document.totalCharge,
  capturedAt: document.capturedAt,
});

/** Billing snapshots of the caller's own account; any other id answers 404. */
@Injectable()
export class CustomerSnapshots {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async own(accountId: string, snapshotId: string): Promise<BillingSnapshotDocument> {
    const document = await this.readStore.collection<BillingSnapshotDocument>(READ_MODELS.billingSnapshots).get(snapshotId);
    if (document === undefined || document.accountId !== accountId) throw new NotFoundError('과금 스냅샷을 찾을 수 없습니다.');
    return document;
  }
}
