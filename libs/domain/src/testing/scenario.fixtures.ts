import { DEFAULT_CATALOG, type Catalog } from '../catalog/catalog';
import type { Command, CommandPayloads, CommandType, IssuerType } from '../commands/command';
import { rejectionEvent, type Decision, type PaymentOutcome, type SettledDecision } from '../decide/decision';
import { decide } from '../decide/decide';
import type { DomainEvent } from '../events/event';
import { evolve } from '../state/evolve';
import { initialState, type AccountState } from '../state/account-state';

export const ACCOUNT = 'acct-1';
export const VISA: CommandPayloads['PAYMENT_METHOD_UPDATE'] = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };

/** KST wall clock → ISO UTC: `kst('2026-04-23 09:15:30.123')`. */
export const kst = (wallClock: string): string => new Date(`${wallClock.replace(' ', 'T')}+09:00`).toISOString();

const DEFAULT_ISSUER: Partial<Record<CommandType, IssuerType>> = {
  ADMIN_SEAT_ADJUST: 'ADMIN',
  ADMIN_REFUND: 'ADMIN',
  LEGACY_LOG_IMPORT: 'ADMIN',
  RENEWAL: 'SYSTEM',
  TRIAL_EXPIRE: 'SYSTEM',
};

let sequence = 0;

export interface CommandOptions {
  readonly commandId?: string;
  readonly issuedBy?: IssuerType;
  readonly accountId?: string;
}

export const command = <T extends CommandType>(type: T, payload: CommandPayloads[T], issuedAt: string, options: CommandOptions = {}): Command => {
  sequence += 1;
  const issuer = options.issuedBy ?? DEFAULT_ISSUER[type] ?? 'USER';
  return {
    commandId: options.commandId ?? `cmd-${type.toLowerCase()}-${sequence}`,
    type,
    accountId: options.accountId ?? ACCOUNT,
    issuedAt,
    issuedBy: { type: issuer, id: issuer === 'USER' ? 'user-1' : issuer.toLowerCase() },
    payload,
  } as Command;
};

export const succeeded = (transactionId: string, processedAt = '2026-01-01T00:00:00.000Z'): PaymentOutcome => ({ status: 'succeeded', transactionId, processedAt });
export const cardDeclined: PaymentOutcome = { status: 'declined', declineCode: 'card_declined', message: 'The card was declined.' };

/** Resolves a payment decision with the given gateway outcome (default: success with `tx-<commandId>`). */
export const settle = (decision: Decision, cmd: Command, outcome?: PaymentOutcome): Exclude<Decision, { kind: 'payment' }> =>
  decision.kind === 'payment' ? (decision.settle(outcome ?? succeeded(`tx-${cmd.commandId}`)) as SettledDecision) : decision;

export const eventsOf = (decision: Decision): readonly DomainEvent[] => (decision.kind === 'accepted' || decision.kind === 'declined' ? decision.events : []);

/** given events / when command / then events, with the state folded along the way. */
export class Scenario {
  readonly events: DomainEvent[] = [];
  state: AccountState;

  constructor(readonly catalog: Catalog = DEFAULT_CATALOG, accountId = ACCOUNT) {
    this.state = initialState(accountId);
  }

  /** Decides at `actionDate` (the command's issuedAt) and appends what a handler would append. */
  when(cmd: Command, outcome?: PaymentOutcome, actionDate = cmd.issuedAt): Exclude<Decision, { kind: 'payment' }> {
    const decision = settle(decide(cmd, this.state, { catalog: this.catalog, actionDate }), cmd, outcome);
    this.append(eventsOf(decision));
    // As the handler does: a final rejection is recorded, a retryable one is not.
    if (decision.kind === 'rejected' && !decision.violation.retryable && decision.violation.code !== 'ACCOUNT_MISMATCH') {
      this.append([rejectionEvent(cmd, decision.violation, actionDate)]);
    }
    return decision;
  }

  /** Like `when`, but the command must be accepted. */
  given(cmd: Command, outcome?: PaymentOutcome): readonly DomainEvent[] {
    const decision = this.when(cmd, outcome);
    if (decision.kind !== 'accepted') throw new Error(`${cmd.type} was not accepted: ${JSON.stringify(decision)}`);
    return decision.events;
  }

  append(events: readonly DomainEvent[]): void {
    for (const event of events) {
      this.events.push(event);
      this.state = evolve(this.state, event);
    }
  }
}

/** A paid account: card on file, then FREE → tier with seats at `at`. */
export const subscribed = (tier: 'STARTER' | 'PRO' | 'ENTERPRISE', seats: number, at: string, scenario = new Scenario()): Scenario => {
  scenario.given(command('PAYMENT_METHOD_UPDATE', VISA, at));
  scenario.given(command('UPGRADE', { toTier: tier, seatCount: seats }, at));
  return scenario;
};
