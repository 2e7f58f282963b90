import type { PaymentRequest } from '@ledger/domain';
import type { PaymentGateway, PaymentResult } from '@ledger/payments';


/** Seals billing keys at rest; the account id is authenticated context (a key copied elsewhere does not open). */
export interface BillingKeySealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

/**
 * Calls the gateway for one command. The idempotency key is scoped by account because commandIds
 * are unique per account (domain.md), so a retry after a crash returns the first result and never
 * moves money twice.
 */
export async function executePayment(
  gateway: PaymentGateway,
  sealer: BillingKeySealer,
  request: PaymentRequest,
  command: { readonly accountId: string; readonly commandId: string },
): Promise<PaymentResult> {
  const idempotencyKey = `${command.accountId}/${command.commandId}`;
  if (request.kind === 'charge') {
    return gateway.charge({
      idempotencyKey,
      billingKey: sealer.open(request.billingKey, command.accountId),
      amount: request.amount,
      accountId: command.accountId,
      description: request.description,
    });
  }
  return gateway.refund({ idempotencyKey, transactionId: request.transactionId, amount: request.amount, reason: request.description });
}

/** A dry run prices the command as if the gateway approved it; nothing is charged. */
export const simulatedApproval = (request: PaymentRequest, at: string): PaymentResult => ({
  status: 'succeeded',
  transactionId: 'dry-run',
  amount: request.amount,
  processedAt: at,
});
