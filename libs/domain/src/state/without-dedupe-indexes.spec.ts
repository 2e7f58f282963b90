import { ACCOUNT, cardDeclined, command, kst, subscribed } from '../testing/scenario.fixtures';
import { type AccountState, initialState } from './account-state';
import { evolve } from './evolve';
import { withoutDedupeIndexes } from './without-dedupe-indexes';

/** What read models are built from: everything but the indexes, and the usage counters. */
const projected = ({ commands: _commands, usage, ...plain }: AccountState) => ({ ...plain, usage: usage.map((periodUsage) => periodUsage.messages).toJS() });

describe('withoutDedupeIndexes', () => {
  const scenario = subscribed('PRO', 2, kst('2026-04-03 10:00:00.000'));
  const usage = (usageId: string, at: string, quantity = 5) => command('USAGE_RECORD', { usageId, metric: 'messages', quantity }, kst(at));
  scenario.given(usage('u1', '2026-04-05 09:00:00.000'));
  scenario.given(usage('u2', '2026-04-06 09:00:00.000', 7));
  scenario.when(usage('u1', '2026-04-06 10:00:00.000'));
  scenario.when(command('SEAT_ADD', { seatCount: 3 }, kst('2026-04-10 09:00:00.000')), cardDeclined);
  scenario.given(command('SEAT_ADD', { seatCount: 4 }, kst('2026-04-11 09:00:00.000')));
  scenario.when(command('UPGRADE', { toTier: 'STARTER' }, kst('2026-04-12 09:00:00.000')));
  scenario.given(command('RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), { commandId: 'renewal:acct-1:2026-05' }));
  scenario.given(usage('u1', '2026-05-02 09:00:00.000', 11));

  it('folds to the same plan, counters and outcome of each command as the full state', () => {
    let full = initialState(ACCOUNT);
    let lean = initialState(ACCOUNT);
    for (const event of scenario.events) {
      full = evolve(full, event);
      lean = withoutDedupeIndexes(evolve(lean, event), event.data.commandId);
      expect(projected(lean)).toEqual(projected(full));
      expect(lean.commands.get(event.data.commandId)).toEqual(full.commands.get(event.data.commandId));
    }
    expect(scenario.events.some((event) => event.type === 'PaymentFailed.v1')).toBe(true);
    expect(scenario.events.some((event) => event.type === 'CommandRejected.v1')).toBe(true);
  });

  it('keeps neither earlier commandIds nor usageIds', () => {
    const lean = withoutDedupeIndexes(scenario.state, 'renewal:acct-1:2026-05');
    const firstCommandId = scenario.events[0].data.commandId;
    expect([scenario.state.commands.has(firstCommandId), lean.commands.has(firstCommandId)]).toEqual([true, false]);
    expect(lean.usage.get('2026-05')).toMatchObject({ messages: 11 });
    expect(lean.usage.get('2026-05')!.usageIds.size).toBe(0);
    expect(scenario.state.usage.get('2026-05')!.usageIds.has('u1')).toBe(true);
  });
});
