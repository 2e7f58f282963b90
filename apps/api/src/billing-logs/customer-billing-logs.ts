import { Inject, Injectable } from '@nestjs/common';
import { BILLING_LOG_FIELDS, type BillingLog, NON_PAYMENT_ACTIONS, customerWindowStart, isCustomerVisible, toPublicBillingLog } from '@ledger/domain';
import { NotFoundError } from '@ledger/errors';
import type { Clock } from '@ledger/ledger';
import { type BillingLogDocument, READ_MODELS } from '@ledger/projections';
import type { Filter, ReadCollection, ReadStore, SortSpec } from '@ledger/read-store';
import { BILLING_CLOCK, READ_STORE } from '@ledger/runtime';
import type { BillingLogPage } from './billing-log.dto';

/**
 * The customer visibility rule of the domain (`isCustomerVisible`) as a read-store filter, so the
 * list is paged and counted by the store. Built from the domain's constants and window start, so
 * the rule has one home; a property test keeps the two in agreement. Instants are ISO-8601 UTC
 * strings with milliseconds, whose string order is their time order.
 */
export const customerVisibleLogFilter = (accountId: string, requestTime: string): Filter => ({
  accountId,
  status: 'COMPLETED',
  action: { $nin: [...NON_PAYMENT_ACTIONS] },
  actionDate: { $gte: customerWindowStart(requestTime), $lte: requestTime },
  $or: [{ totalCharge: { $gt: 0 } }, { chargeAmount: { $gt: 0 } }, { refundAmount: { $gt: 0 } }],
});

/** Newest first (`compareNewestFirst`): actionDate descending, then id descending. */
export const NEWEST_FIRST: SortSpec = { actionDate: -1, subscriptionBillingLogId: -1 };

/** The 32 detail fields, without the read model's own keys (`_id`, `refundOf`). */
export const toBillingLogDetail = (document: BillingLogDocument): BillingLog =>
  Object.fromEntries(BILLING_LOG_FIELDS.map((field) => [field, document[field] ?? null])) as unknown as BillingLog;

/**
 * The billing logs a customer may see (domain.md "Billing log"), judged at the billing clock's
 * "now" (the test clock when LEDGER_TEST_CLOCK=1). Shared by the list, the detail and receipts so
 * that all three answer 404 for exactly the same logs.
 */
@Injectable()
export class CustomerBillingLogs {
  private readonly logs: ReadCollection<BillingLogDocument>;

  constructor(
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(BILLING_CLOCK) private readonly clock: Clock,
  ) {
    this.logs = readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs);
  }

  async page(accountId: string, limit: number, offset: number): Promise<BillingLogPage> {
    const filter = customerVisibleLogFilter(accountId, this.requestTime());
    const { documents, total } = await this.logs.page(filter, { sort: NEWEST_FIRST, skip: offset, limit });
    return { billingLogs: documents.map(toPublicBillingLog), totalCount: total, limit, offset };
  }

  /** Unknown, another account's, outside the window, zero-amount or non-payment: all the same 404. */
  async visible(accountId: string, logId: string): Promise<BillingLogDocument> {
    const document = await this.logs.get(logId);
    if (document === undefined || document.accountId !== accountId || !isCustomerVisible(document, this.requestTime())) {
      throw new NotFoundError('결제 이력을 찾을 수 없습니다.');
    }
    return document;
  }

  /** Completed refund logs issued against the given charge log. */
  refundsOf(log: BillingLogDocument): Promise<BillingLogDocument[]> {
    return this.logs.find({ accountId: log.accountId, refundOf: log.subscriptionBillingLogId, status: 'COMPLETED' }, { sort: { actionDate: 1 } });
  }

  requestTime(): string {
    return this.clock.now().toISOString();
  }
}
