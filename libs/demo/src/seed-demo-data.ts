import type { Catalog } from '@ledger/domain';
import { type AccountRepository, type BillingKeySealer, CommandHandler, type CommandOutcome, SettableClock } from '@ledger/ledger';
import type { PaymentGateway } from '@ledger/payments';
import { acmeHistory } from './acme-history';
import { type DemoStep, issuerOf } from './demo-step';
import { trialAccountSteps } from './trial-account';

export const DEMO_ACCOUNT_ID = 'demo-acme';
export const DEMO_TRIAL_ACCOUNT_ID = 'demo-trial';

/** The parts of a LedgerRuntime the seeder writes through. */
export interface DemoSeedTarget {
  readonly accounts: AccountRepository;
  readonly gateway: PaymentGateway;
  readonly secretBox: BillingKeySealer;
  readonly catalog: () => Catalog;
}

export interface DemoSeedOptions {
  readonly accountId?: string;
  readonly trialAccountId?: string;
  /** The history ends here; default: now. */
  readonly now?: Date | string;
}

export interface DemoSeedSummary {
  readonly accounts: readonly string[];
  readonly commands: number;
  /** Commands that were already recorded (a second seeding with the same `now`). */
  readonly duplicates: number;
  readonly billingLogs: number;
  /** Global position of the last event appended (undefined when nothing was appended). */
  readonly lastPosition?: string;
}

export class DemoSeedError extends Error {
  constructor(readonly step: DemoStep, readonly outcome: CommandOutcome) {
    super(`Demo step ${step.commandId} (${step.type}) ended ${outcome.status} ${outcome.errorCode ?? ''}: ${outcome.errorMessage ?? ''}`.trim());
    this.name = 'DemoSeedError';
  }
}

export function demoSteps(accountId: string, trialAccountId: string, now: string): DemoStep[] {
  const steps = [...acmeHistory(accountId, now), ...trialAccountSteps(trialAccountId, now)];
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const asExpected = (step: DemoStep, outcome: CommandOutcome): boolean => {
  const status = outcome.status === 'DUPLICATE' ? outcome.originalStatus : outcome.status;
  return step.expectedErrorCode === undefined ? status === 'ACCEPTED' : status === 'REJECTED' && outcome.errorCode === step.expectedErrorCode;
};

/**
 * Writes the demo history through an ordinary CommandHandler whose clock is moved to each step's
 * instant, so every actionDate lies in the past and every charge goes through the gateway.
 * Deterministic: the same `now` gives the same commands, events and billing-log ids; seeding twice
 * with the same `now` only finds duplicates. Throws DemoSeedError on any unexpected outcome.
 */
export async function seedDemoData(target: DemoSeedTarget, options: DemoSeedOptions = {}): Promise<DemoSeedSummary> {
  const accountId = options.accountId ?? DEMO_ACCOUNT_ID;
  const trialAccountId = options.trialAccountId ?? DEMO_TRIAL_ACCOUNT_ID;
  const now = new Date(options.now ?? new Date()).toISOString();
  const clock = new SettableClock(now);
  const handler = new CommandHandler(target.accounts, target.gateway, target.secretBox, target.catalog, clock);
  const outcomes = new Map<string, CommandOutcome>();
  const earlier = (commandId: string): CommandOutcome => {
    const outcome = outcomes.get(commandId);
    if (outcome === undefined) throw new Error(`Demo step refers to ${commandId}, which has not run`);
    return outcome;
  };
  for (const step of demoSteps(accountId, trialAccountId, now)) {
    clock.set(step.at);
    const payload = typeof step.payload === 'function' ? step.payload(earlier) : step.payload;
    const { at, accountId: stepAccount, commandId, type, issuedBy } = step;
    const outcome = await handler.handle({ commandId, type, accountId: stepAccount, issuedAt: at, issuedBy: issuerOf(issuedBy), payload });
    if (!asExpected(step, outcome)) throw new DemoSeedError(step, outcome);
    outcomes.set(commandId, outcome);
  }
  const all = [...outcomes.values()];
  return {
    accounts: [accountId, trialAccountId],
    commands: all.length,
    duplicates: all.filter((outcome) => outcome.status === 'DUPLICATE').length,
    billingLogs: all.reduce((count, outcome) => count + outcome.billingLogIds.length, 0),
    lastPosition: all.map((outcome) => outcome.position).filter((position) => position !== undefined).at(-1),
  };
}
