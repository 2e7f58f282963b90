import type { BillingLog, BillingSnapshot } from '@ledger/domain';

/** The 32-field billing log detail (billing-log-detail.ko.txt), as the domain derives it. */
export type BillingLogInput = BillingLog;
export type CalculationDetailsInput = BillingLog['calculationDetails'];

export type OverageLineInput = BillingSnapshot['overageLines'][number];

/** The billing snapshot of a closed period (GET /plans/me/billing-snapshots/:snapshotId). */
export type BillingSnapshotInput = BillingSnapshot;
