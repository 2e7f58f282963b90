import {
  Catalog,
  Command,
  Decision,
  DomainEvent,
  billingLogsOf,
  decide,
  paymentStarted,
  rejectionEvent,
} from '@ledger/domain';
import { KeyedMutex, positionToString, StreamLockedError, WrongExpectedRevisionError } from '@ledger/event-store';
import type { PaymentGateway } from '@ledger/payments';
import { validateCommandEnvelope } from '@ledger/contracts';
import type { Clock } from '../clock/clock';
import { AccountRepository, LoadedAccount } from '../stream/account-repository';
import { resolveActionDate } from './action-date';
import { indicesByAccount } from './account-groups';
import { CommandOutcome, invalidCommandOutcome, rejectedOutcome } from './command-outcome';
import { AccountHeldError, PaymentHolds, type PaymentHoldOptions } from './payment-holds';
import { BillingKeySealer, executePayment, simulatedApproval } from './payment-step';
import { sealCommandSecrets } from './seal-command-secrets';

export interface CommandHandlerOptions {
  /** Appends retried after a concurrent writer moved the stream (then the command is re-decided). */
  readonly maxConflictRetries?: number;
  readonly paymentHolds?: PaymentHoldOptions;
}

/** A stream kept moving under us more often than we are willing to retry; safe to retry later. */
export class ConcurrencyExhaustedError extends Error {
  constructor(readonly accountId: string) {
    super(`Account ${accountId}: too many concurrent writers; retry the command`);
    this.name = 'ConcurrencyExhaustedError';
  }
}

type Settled = Extract<Decision, { kind: 'accepted' | 'declined' | 'rejected' | 'duplicate' }>;

/**
 * The application's one way to run a command: validate → load → decide → pay → append.
 * Business rules live in the domain's `decide`; this class only sequences I/O around it.
 * Infrastructure failures (store or gateway unreachable) are thrown for the caller to retry;
 * everything the domain says is returned as an outcome.
 */
export class CommandHandler {
  private readonly mutex = new KeyedMutex();
  private readonly maxConflictRetries: number;
  private readonly holds: PaymentHolds;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly gateway: PaymentGateway,
    private readonly sealer: BillingKeySealer,
    private readonly catalog: () => Catalog,
    private readonly clock: Clock,
    options: CommandHandlerOptions = {},
  ) {
    this.maxConflictRetries = options.maxConflictRetries ?? 5;
    this.holds = new PaymentHolds(accounts.canHoldAcrossProcesses, options.paymentHolds);
  }

  async handle(raw: unknown): Promise<CommandOutcome> {
    const validation = validateCommandEnvelope(raw);
    if (!validation.ok) return invalidCommandOutcome(raw, validation.errors);
    const command = sealCommandSecrets(validation.envelope as unknown as Command, this.sealer);
    return this.mutex.run(command.accountId, () => this.run(command));
  }

  /**
   * Commands of one account run in the given order, each after the previous one finished; different
   * accounts run concurrently. When a command fails (infrastructure), the later commands of that
   * account are not run — so a retry of the batch can never apply them out of order — and the
   * first failure is thrown once every account has settled.
   */
  async handleMany(raws: readonly unknown[]): Promise<CommandOutcome[]> {
    const outcomes: CommandOutcome[] = new Array(raws.length);
    const settled = await Promise.allSettled(
      [...indicesByAccount(raws).values()].map(async (indices) => {
        for (const index of indices) outcomes[index] = await this.handle(raws[index]);
      }),
    );
    const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    return outcomes;
  }

  /**
   * Retries when a concurrent writer moved the stream (bounded). A payment is decided again and paid
   * while the account is held against other processes (`PaymentHolds`), so no other append can land
   * between the decision that priced the charge and the append that records it; a process that
   * meets a held account waits for it. Waiting for another command's payment is not a conflict: it
   * ends with that payment's outcome or when its hold lapses.
   */
  private async run(command: Command): Promise<CommandOutcome> {
    const actionDate = resolveActionDate(command.issuedAt, this.clock.now());
    let held = false;
    let catchUp = false;
    for (let conflicts = 0; conflicts <= this.maxConflictRetries; ) {
      try {
        const outcome = held ? await this.attemptHeld(command, actionDate) : await this.attempt(command, actionDate, catchUp, false);
        if (outcome !== 'hold') return outcome;
        held = true;
      } catch (error) {
        if (error instanceof AccountHeldError) {
          await this.holds.waitFor(error);
          catchUp = true;
          continue;
        }
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        held ||= error instanceof StreamLockedError;
        catchUp = true;
        conflicts += 1;
      }
    }
    throw new ConcurrencyExhaustedError(command.accountId);
  }

  private attemptHeld(command: Command, actionDate: string): Promise<CommandOutcome | 'hold'> {
    return this.holds.byEvents
      ? this.attempt(command, actionDate, true, true)
      : this.accounts.exclusively(command.accountId, () => this.attempt(command, actionDate, true, true));
  }

  /**
   * load → decide → (hold) → (pay) → append. Money moves only when `held`; otherwise a payment
   * answers 'hold'. Nothing is appended while another command's payment holds the account. Holding, the state is read afresh first, so a stale cache never prices a charge;
   * with event holds the PaymentStarted is appended at the revision decided on before money moves.
   */
  private async attempt(command: Command, actionDate: string, catchUp: boolean, held: boolean): Promise<CommandOutcome | 'hold'> {
    let account = await this.accounts.load(command.accountId, catchUp);
    const decision = decide(command, account.state, { catalog: this.catalog(), actionDate });
    if (decision.kind !== 'payment') return this.record(command, account, decision, actionDate);
    if (command.dryRun) return this.record(command, account, decision.settle(simulatedApproval(decision.request, actionDate)) as Settled, actionDate);
    if (!held) return 'hold';
    if (this.holds.byEvents) {
      this.holds.assertFree(command, account.state.paymentInProgress);
      const hold = paymentStarted(command, decision.request, actionDate, this.holds.holdUntil());
      account = (await this.accounts.appendHold(account, hold, this.appendContext(command, actionDate))).account;
    }
    const result = await executePayment(this.gateway, this.sealer, decision.request, command);
    return this.record(command, account, decision.settle(result) as Settled, actionDate);
  }

  private appendContext(command: Command, actionDate: string) {
    return { commandId: command.commandId, commandType: command.type, issuedBy: command.issuedBy, issuedAt: command.issuedAt, actionDate };
  }

  private async record(command: Command, account: LoadedAccount, decision: Settled, actionDate: string): Promise<CommandOutcome> {
    const base = { commandId: command.commandId, accountId: command.accountId };
    if (decision.kind === 'duplicate') {
      const { status, billingLogIds, errorCode, errorMessage } = decision.original;
      return { commandId: base.commandId, accountId: base.accountId, status: 'DUPLICATE', originalStatus: status, billingLogIds, errorCode, errorMessage };
    }
    if (decision.kind === 'rejected' && (decision.violation.retryable || command.dryRun)) {
      return rejectedOutcome(base, decision.violation, []);
    }
    const events: DomainEvent[] =
      decision.kind === 'rejected' ? [rejectionEvent(command, decision.violation, actionDate)] : [...decision.events];
    const billingLogs = events.flatMap((event) => billingLogsOf(event));
    const billingLogIds = billingLogs.map((log) => log.subscriptionBillingLogId);
    // Nothing to record (e.g. a usage record already counted): accepted, and the stream is untouched.
    if (events.length === 0) return { commandId: base.commandId, accountId: base.accountId, status: 'ACCEPTED', billingLogIds: [] };
    if (command.dryRun) {
      const dryRun = { events: events.map(({ type, data }) => ({ type, data })), billingLogs };
      return decision.kind === 'accepted'
        ? { commandId: base.commandId, accountId: base.accountId, status: 'ACCEPTED', billingLogIds, dryRun }
        : Object.assign(rejectedOutcome(base, decision.violation, billingLogIds), { dryRun });
    }
    // Only a write waits for another command's payment: a redelivered DUPLICATE, a dry run or a
    // retryable refusal answers at once (after a crash, they come before the holder's own redelivery).
    this.holds.assertFree(command, account.state.paymentInProgress);
    const appended = await this.accounts.append(account, events, this.appendContext(command, actionDate));
    const position = positionToString(appended.position);
    if (decision.kind === 'accepted') return { commandId: base.commandId, accountId: base.accountId, status: 'ACCEPTED', billingLogIds, position };
    return Object.assign(rejectedOutcome(base, decision.violation, billingLogIds), { position });
  }
}
