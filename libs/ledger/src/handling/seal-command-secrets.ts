import type { Command } from '@ledger/domain';
import type { BillingKeySealer } from './payment-step';

/**
 * Billing keys are encrypted before they reach the event store (LEDGER_MASTER_KEY); the domain
 * treats them as opaque strings and the payment step opens them just before calling the gateway.
 */
export function sealCommandSecrets(command: Command, sealer: BillingKeySealer): Command {
  if (command.type !== 'PAYMENT_METHOD_UPDATE') return command;
  return { ...command, payload: { ...command.payload, billingKey: sealer.seal(command.payload.billingKey, command.accountId) } } as Command;
}
