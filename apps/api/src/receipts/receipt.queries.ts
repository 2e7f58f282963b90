import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BillingLog } from '@ledger/domain';
import type { BillingSnapshotDocument } from '@ledger/projections';
import { type Receipt, type Supplier, buildReceipt, renderReceiptPdf } from '@ledger/receipts';
import { CustomerBillingLogs, toBillingLogDetail } from '../billing-logs/customer-billing-logs';
import { type BillingSnapshotView, CustomerSnapshots, toSnapshotView } from '../billing-snapshots/customer-snapshots';

export const RECEIPT_SUPPLIER = Symbol('RECEIPT_SUPPLIER');

/** The JSON receipt, with the log's 32 fields and the snapshot as the snapshot endpoint shows it. */
export type ReceiptView = Omit<Receipt<BillingLog>, 'snapshot'> & { readonly snapshot: BillingSnapshotView | null };

export type ReceiptDocument =
  | { readonly format: 'json'; readonly receipt: ReceiptView }
  | { readonly format: 'pdf'; readonly receiptNumber: string; readonly pdf: Buffer };

export class GetReceipt extends Query<ReceiptDocument> {
  constructor(
    readonly accountId: string,
    readonly logId: string,
    readonly format: 'json' | 'pdf',
  ) {
    super();
  }
}

/** Same 404 rules as the billing-log detail; the refunds listed are those issued against this log. */
@QueryHandler(GetReceipt)
export class GetReceiptHandler implements IQueryHandler<GetReceipt> {
  constructor(
    private readonly logs: CustomerBillingLogs,
    private readonly snapshots: CustomerSnapshots,
    @Inject(RECEIPT_SUPPLIER) private readonly supplier: Supplier,
  ) {}

  async execute({ accountId, logId, format }: GetReceipt): Promise<ReceiptDocument> {
    const log = await this.logs.visible(accountId, logId);
    const [snapshot, refunds] = await Promise.all([this.linkedSnapshot(accountId, log.linkedSnapshotId), this.logs.refundsOf(log)]);
    const receipt = buildReceipt({
      log: toBillingLogDetail(log),
      snapshot,
      refunds: refunds.map(toBillingLogDetail),
      supplier: this.supplier,
      issuedAt: this.logs.requestTime(),
    });
    if (format === 'pdf') return { format, receiptNumber: receipt.receiptNumber, pdf: await renderReceiptPdf(receipt) };
    return { format, receipt: { ...receipt, snapshot: snapshot === null ? null : toSnapshotView(snapshot) } };
  }

  private linkedSnapshot(accountId: string, snapshotId: string | null): Promise<BillingSnapshotDocument | null> {
    return snapshotId === null ? Promise.resolve(null) : this.snapshots.own(accountId, snapshotId);
  }
}
