import { setFlagsFromString } from 'node:v8';
import { billingLogsOf } from '../billing-log/derive';
import type { DomainEvent } from '../events/event';
import { command, kst, Scenario, VISA } from '../testing/scenario.fixtures';

/**
 * On Node 20 (V8 11.3) an object literal that starts with a spread and then adds keys
 * (`{ ...base, more }`) gets a hidden class of its own: ≈ 2 µs per object instead of ≈ 0.1, and one
 * more map per object for the garbage collector. The hot paths build their objects otherwise
 * (design.md "Object literals on hot paths"); this keeps them that way: two accounts going through
 * the same history must produce events, billing logs and state records with shared hidden classes.
 */
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const historyOf = (accountId: string): Scenario => {
  const scenario = new Scenario(undefined, accountId);
  scenario.given(command('PAYMENT_METHOD_UPDATE', VISA, kst('2026-04-03 10:00:00.000'), { accountId }));
  scenario.given(command('UPGRADE', { toTier: 'PRO', seatCount: 2 }, kst('2026-04-03 10:00:00.000'), { accountId }));
  scenario.given(command('USAGE_RECORD', { usageId: `u-${accountId}`, metric: 'messages', quantity: 9000 }, kst('2026-04-05 09:00:00.000'), { accountId }));
  scenario.given(command('SEAT_ADD', { seatCount: 3 }, kst('2026-04-10 09:00:00.000'), { accountId }));
  scenario.given(command('DOWNGRADE_SCHEDULED', { toTier: 'STARTER' }, kst('2026-04-11 09:00:00.000'), { accountId }));
  scenario.given(command('REVOKE_SCHEDULED_CHANGE', {}, kst('2026-04-11 10:00:00.000'), { accountId }));
  scenario.given(command('UPGRADE', { toTier: 'ENTERPRISE' }, kst('2026-04-12 09:00:00.000'), { accountId }));
  scenario.given(command('RENEWAL', { period: '2026-05' }, kst('2026-05-01 00:00:00.000'), { accountId, commandId: `renewal:${accountId}:2026-05` }));
  return scenario;
};

describe('objects built on hot paths share hidden classes', () => {
  // Enough accounts for every call site's inline cache to have settled (the unshared classes appear
  // once a site has seen a few shapes, not on its first calls).
  const histories = Array.from({ length: 20 }, (_, index) => historyOf(`acct-${index}`));
  const [first, second] = histories.slice(-2);

  it('has the same history shape for both accounts', () => {
    expect(second.events.map((event) => event.type)).toEqual(first.events.map((event) => event.type));
    expect(new Set(first.events.map((event) => event.type)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(first.events.map((event, index) => [event.type, index] as const))('%s: event data and its billing logs', (_type, index) => {
    const [a, b]: DomainEvent[] = [first.events[index], second.events[index]];
    expect(haveSameMap(a.data, b.data)).toBe(true);
    const [logA, logB] = [billingLogsOf(a), billingLogsOf(b)];
    logA.forEach((log, at) => expect(haveSameMap(log, logB[at])).toBe(true));
  });

  it('folds charge and command records with shared hidden classes', () => {
    const charges = (scenario: Scenario) => [...scenario.state.charges.values()];
    charges(first).forEach((charge, at) => expect(haveSameMap(charge, charges(second)[at])).toBe(true));
    const renewalRecord = (scenario: Scenario) => scenario.state.commands.get(`renewal:${scenario.state.accountId}:2026-05`)!;
    expect(haveSameMap(renewalRecord(first), renewalRecord(second))).toBe(true);
  });
});
