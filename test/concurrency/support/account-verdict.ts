import { join } from 'node:path';
import type { AccountState } from '@ledger/domain';
import { type RecordedEvent, openSqliteEventStore, positionToString } from '@ledger/event-store';
import { AccountRepository, accountStreamId } from '@ledger/ledger';
import { SandboxPaymentGateway } from '@ledger/payments';
import { pollUntil } from '../../infra/poll';
import { commandOrderInStream, moneyAtGateway, moneyInEvents } from '../../kafka/support/ledger-assertions';
import type { ApiNode } from './api-node';
import { staleChanges } from './seat-history';

export interface ExpectedPlan {
  readonly tier: string;
  readonly seats: number;
  /** Charges the accepted commands made (every charge event has its gateway movement and no other). */
  readonly charges: number;
}

export interface AccountVerdict {
  readonly events: readonly RecordedEvent[];
  /** The account folded afresh from its stream. */
  readonly state: AccountState;
  /** commandIds in stream order, each once. */
  readonly commands: readonly string[];
  /** The account's gateway charges (equal to its charge events). */
  readonly charged: { readonly count: number; readonly amount: number };
}

/**
 * One account after concurrent requests through several api nodes sharing `dir`: each command once
 * in the stream; no lost update (every charged change priced from the plan it replaced, ending on the
 * expected plan); the gateway moved exactly the money the events record; and every node's read
 * models, once caught up with the store, equal a fresh replay and show the expected plan.
 */
export async function expectOneTrueHistory(dir: string, nodes: readonly ApiNode[], accountId: string, expected: ExpectedPlan): Promise<AccountVerdict> {
  const store = openSqliteEventStore({ file: join(dir, 'events.sqlite') });
  const gateway = new SandboxPaymentGateway({ path: join(dir, 'gateway.sqlite') });
  try {
    const events = await store.readStream(accountStreamId(accountId));
    const { state } = await new AccountRepository(store).load(accountId, true);
    const commands = await commandOrderInStream(store, accountId);
    expect(commands.filter((commandId, index) => commands.indexOf(commandId) !== index)).toEqual([]);

    const history = staleChanges(events);
    expect(history.stale).toEqual([]);
    const plan = { tier: expected.tier, seats: expected.seats };
    expect({ replayed: { tier: state.tier, seats: state.seatCount }, walked: { tier: history.finalTier, seats: history.finalSeats } }).toEqual({ replayed: plan, walked: plan });

    const recorded = await moneyInEvents(store, [accountId]);
    expect(moneyAtGateway(gateway.listMovements(), [accountId])).toEqual(recorded);
    const charges = recorded.filter((line) => line.kind === 'charge');
    expect(charges).toHaveLength(expected.charges);

    const head = positionToString((await store.headPosition())!);
    for (const node of nodes) {
      const verification = await pollUntil(
        async () => {
          const body = (await node.as('auditor', 'auditor-1', `/audit/v1/accounts/${accountId}/verify`)).json();
          if (body.readModels?.comparedUpTo !== head) throw new Error(`node ${node.name} projected up to ${body.readModels?.comparedUpTo} of ${head}`);
          return body;
        },
        { what: `node ${node.name} projecting the head`, timeoutMs: 60_000, intervalMs: 100, abortReason: node.abortReason },
      );
      expect({ node: node.name, ok: verification.ok, differences: verification.readModels.differences }).toEqual({ node: node.name, ok: true, differences: [] });
      const shown = (await node.as('customer', accountId, '/crm-core/v1/plans/me')).json();
      expect({ node: node.name, tier: shown.tier, seats: shown.seatCount }).toEqual({ node: node.name, ...plan });
    }
    return { events, state, commands, charged: { count: charges.length, amount: charges.reduce((sum, line) => sum + line.amount, 0) } };
  } finally {
    await store.close();
    await gateway.close();
  }
}
