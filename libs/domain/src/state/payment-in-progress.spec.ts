import { billingLogsOf } from '../billing-log/derive';
import { DEFAULT_CATALOG } from '../catalog/catalog';
import { decide } from '../decide/decide';
import { paymentStarted } from '../decide/payment-started';
import { command, kst, settle, subscribed } from '../testing/scenario.fixtures';

describe('PaymentStarted.v1: a payment held by events', () => {
  const at = kst('2026-04-10 09:00:00.000');
  const holdUntil = '2026-04-10T00:02:00.000Z';
  const given = () => {
    const scenario = subscribed('PRO', 2, kst('2026-04-03 10:00:00.000'));
    const seatAdd = command('SEAT_ADD', { seatCount: 3 }, at);
    const decision = decide(seatAdd, scenario.state, { catalog: DEFAULT_CATALOG, actionDate: at });
    if (decision.kind !== 'payment') throw new Error('expected a payment');
    const started = paymentStarted(seatAdd, decision.request, at, holdUntil);
    scenario.append([started]);
    return { scenario, seatAdd, decision, started };
  };

  it('records the payment in progress, with no log, no outcome and no plan change', () => {
    const { scenario, seatAdd, decision, started } = given();
    expect(started.data).toEqual({ accountId: 'acct-1', commandId: seatAdd.commandId, occurredAt: at, commandType: 'SEAT_ADD', kind: 'charge', amount: decision.request.amount, holdUntil });
    expect(scenario.state.paymentInProgress).toEqual({ commandId: seatAdd.commandId, kind: 'charge', amount: decision.request.amount, holdUntil });
    expect(billingLogsOf(started)).toEqual([]);
    expect(scenario.state.commands.has(seatAdd.commandId)).toBe(false);
    expect(scenario.state.seatCount).toBe(2);
    expect(scenario.state.updatedAt).toBe(kst('2026-04-03 10:00:00.000'));
  });

  it('is not an outcome: the same command decided again is still a payment of the same amount, not a DUPLICATE', () => {
    const { scenario, seatAdd, decision } = given();
    const again = decide(seatAdd, scenario.state, { catalog: DEFAULT_CATALOG, actionDate: at });
    expect(again).toMatchObject({ kind: 'payment', request: { amount: decision.request.amount } });
  });

  it('stays while other commands land, and ends with the next event of its own command', () => {
    const { scenario, seatAdd } = given();
    scenario.given(command('USAGE_RECORD', { usageId: 'u1', metric: 'messages', quantity: 5 }, at));
    expect(scenario.state.paymentInProgress?.commandId).toBe(seatAdd.commandId);
    scenario.given(seatAdd);
    expect(scenario.state.paymentInProgress).toBeNull();
    expect(scenario.state).toMatchObject({ seatCount: 3 });
    expect(scenario.state.commands.get(seatAdd.commandId)?.status).toBe('ACCEPTED');
  });

  it('ends with a decline just the same', () => {
    const { scenario, seatAdd, decision } = given();
    const declined = settle(decision, seatAdd, { status: 'declined', declineCode: 'card_declined', message: 'declined' });
    if (declined.kind !== 'declined') throw new Error('expected a decline');
    scenario.append(declined.events);
    expect(scenario.state.paymentInProgress).toBeNull();
    expect(scenario.state.commands.get(seatAdd.commandId)?.status).toBe('REJECTED');
  });
});
