import fc from 'fast-check';
import { billingLogsOf } from '../billing-log/derive';
import { DEFAULT_CATALOG, TIERS } from '../catalog/catalog';
import type { Command } from '../commands/command';
import { chainEvents, verifyChain } from '../ids/hash-chain';
import { eventId } from '../ids/ids';
import { prorateUpgrade, prorationDays, withVat } from '../money/money';
import { fold } from '../state/evolve';
import { addDays, periodStart, periodOf } from '../time/kst';
import { ACCOUNT, cardDeclined, command, kst, Scenario, subscribed, VISA } from '../testing/scenario.fixtures';
import type { PaymentOutcome } from './decision';

const START = kst('2026-04-01 00:00:00.000');
const tier = fc.constantFrom(...TIERS);
const paidTier = fc.constantFrom('STARTER' as const, 'PRO' as const, 'ENTERPRISE' as const);
const seats = fc.integer({ min: 1, max: 120 });

/** One random command at an offset (in hours) from the previous one. */
const randomCommand = fc.oneof(
  fc.record({ type: fc.constant('UPGRADE' as const), toTier: tier, seatCount: fc.option(seats, { nil: undefined }) }),
  fc.record({ type: fc.constant('SEAT_ADD' as const), seatCount: seats }),
  fc.record({ type: fc.constant('SEAT_REDUCE_SCHEDULED' as const), seatCount: seats }),
  fc.record({ type: fc.constant('ADMIN_SEAT_ADJUST' as const), seatCount: seats }),
  fc.record({ type: fc.constant('DOWNGRADE_SCHEDULED' as const), toTier: tier }),
  fc.record({ type: fc.constant('CANCEL_SCHEDULED' as const) }),
  fc.record({ type: fc.constant('REVOKE_SCHEDULED_CHANGE' as const) }),
  fc.record({ type: fc.constant('TRIAL_START' as const), trialTier: tier, trialDays: fc.integer({ min: 1, max: 30 }), onExpiry: fc.constantFrom('REVERT' as const, 'CONVERT' as const) }),
  fc.record({ type: fc.constant('TRIAL_CANCEL' as const) }),
  fc.record({ type: fc.constant('USAGE_RECORD' as const), usageId: fc.constantFrom('u1', 'u2', 'u3', 'u4'), metric: fc.constantFrom('messages' as const, 'contacts' as const), quantity: fc.integer({ min: 0, max: 50_000 }) }),
  fc.record({ type: fc.constant('REFUND' as const), amount: fc.integer({ min: 1, max: 3_000_000 }) }),
);
const step = fc.record({ afterHours: fc.integer({ min: 1, max: 60 }), declined: fc.boolean(), spec: randomCommand });

type StepSpec = { type: string } & Record<string, unknown>;

const toCommand = (spec: StepSpec, at: string, scenario: Scenario): Command | null => {
  const { type, ...payload } = spec;
  if (type === 'REFUND') {
    const original = [...scenario.state.charges.keys()][0];
    return original === undefined ? null : command('ADMIN_REFUND', { originalLogId: original, amount: payload.amount as number, reason: 'p' }, at);
  }
  return command(type as 'UPGRADE', payload as never, at);
};

/** Runs the steps, issuing the scheduler's renewals and trial expiries as their instants pass. */
const runSteps = (steps: ReadonlyArray<{ afterHours: number; declined: boolean; spec: StepSpec }>) => {
  const scenario = new Scenario();
  scenario.given(command('PAYMENT_METHOD_UPDATE', VISA, START));
  const commands: Command[] = [];
  let now = START;
  const issue = (cmd: Command, declined: boolean) => {
    commands.push(cmd);
    const outcome: PaymentOutcome | undefined = declined ? cardDeclined : undefined;
    scenario.when(cmd, outcome);
  };
  for (const { afterHours, declined, spec } of steps) {
    now = addDays(now, afterHours / 24);
    const { state } = scenario;
    if (state.currentPeriod !== null && periodOf(now) !== state.currentPeriod) {
      const period = periodOf(now);
      const retry = state.pendingRenewal?.period === period ? state.pendingRenewal.attempt + 1 : 0;
      const id = `renewal:${ACCOUNT}:${period}${retry ? `:retry:${retry}` : ''}`;
      if (!state.commands.has(id)) issue(command('RENEWAL', { period }, now, { commandId: id }), declined);
    }
    if (scenario.state.trial !== null && Date.parse(scenario.state.trial.expiresAt) <= Date.parse(now)) issue(command('TRIAL_EXPIRE', {}, now), declined);
    const cmd = toCommand(spec, now, scenario);
    if (cmd) issue(cmd, declined);
  }
  return { scenario, commands, now };
};

describe('money properties', () => {
  it('totalCharge = subtotal + taxAmount and taxAmount = floor(subtotal / 10) for every charge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (subtotal) => {
        const amounts = withVat(subtotal);
        return amounts.totalCharge === subtotal + amounts.taxAmount && amounts.taxAmount === Math.floor(subtotal / 10);
      }),
    );
  });

  it('the prorated upgrade is an integer no larger than the monthly difference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), paidTier, seats, fc.integer({ min: 0, max: 50 }), (ms, toTier, fromSeats, extraSeats) => {
        const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + (ms % (4 * 365 * 86_400_000))).toISOString();
        const days = prorationDays(at);
        const input = { fromMonthlyPrice: 0, fromSeats, toMonthlyPrice: DEFAULT_CATALOG.tiers[toTier].monthlyPricePerSeat, toSeats: fromSeats + extraSeats, days };
        const subtotal = prorateUpgrade(input);
        const monthly = input.toMonthlyPrice * input.toSeats;
        return Number.isInteger(subtotal) && subtotal <= monthly && subtotal * days.daysInMonth <= monthly * days.daysRemaining && (subtotal + 1) * days.daysInMonth > monthly * days.daysRemaining;
      }),
    );
  });
});

describe('ledger properties over random command sequences', () => {
  it('keep seats within [1, maxSeats], charges consistent, refunds within the original, and a valid hash chain', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { scenario } = runSteps(steps);
        const { state } = scenario;
        const max = DEFAULT_CATALOG.tiers[state.tier].maxSeats;
        expect(state.seatCount).toBeGreaterThanOrEqual(1);
        if (max !== null) expect(state.seatCount).toBeLessThanOrEqual(max);
        for (const charge of state.charges.values()) expect(charge.refunded).toBeLessThanOrEqual(charge.totalCharge);
        const logs = scenario.events.flatMap(billingLogsOf);
        for (const log of logs) {
          if (log.subtotal !== null && log.taxAmount !== null && log.totalCharge !== null) {
            expect(log.totalCharge).toBe(log.subtotal + log.taxAmount);
            expect(log.taxAmount).toBe(Math.floor(log.subtotal / 10));
          }
        }
        expect(new Set(logs.map((log) => log.subscriptionBillingLogId)).size).toBe(logs.length);
        const chained = chainEvents(scenario.events);
        expect(verifyChain(chained)).toBeNull();
        if (chained.length > 1) {
          const tampered = chained.map((event, index) => (index === 1 ? { ...event, data: { ...event.data, occurredAt: START } } : event));
          expect(verifyChain(tampered as typeof chained)).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('folding the same events twice gives equal state and ids; a command applied twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const { scenario, commands, now } = runSteps(steps);
        const once = fold(ACCOUNT, scenario.events);
        const twice = fold(ACCOUNT, scenario.events);
        expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
        expect(JSON.stringify(once)).toBe(JSON.stringify(scenario.state));
        const ids = scenario.events.map((event, index) => eventId(event.data.commandId, index));
        expect(scenario.events.map((event, index) => eventId(event.data.commandId, index))).toEqual(ids);
        const before = JSON.stringify(scenario.state);
        const eventCount = scenario.events.length;
        for (const cmd of commands) {
          const recorded = scenario.state.commands.has(cmd.commandId);
          const again = scenario.when(cmd, undefined, now);
          if (recorded) expect(again.kind).toBe('duplicate');
        }
        // Only commands that were never recorded (retryable rejections, usage already counted) may act again.
        const recordedAll = commands.every((cmd) => once.commands.has(cmd.commandId));
        if (recordedAll) {
          expect(scenario.events).toHaveLength(eventCount);
          expect(JSON.stringify(scenario.state)).toBe(before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a valid refund sequence never refunds more than the original total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 8 }), (amounts) => {
        const scenario = subscribed('PRO', 2, kst('2026-04-01 10:00:00.000'));
        const [original] = [...scenario.state.charges.values()];
        let refunded = 0;
        for (const amount of amounts) {
          const decision = scenario.when(command('ADMIN_REFUND', { originalLogId: original.billingLogId, amount, reason: 'p' }, periodStart('2026-04')));
          if (decision.kind === 'accepted') refunded += amount;
          else expect(decision).toMatchObject({ kind: 'rejected', violation: { code: 'REFUND_EXCEEDS_REMAINDER' } });
        }
        expect(refunded).toBeLessThanOrEqual(original.totalCharge);
        expect(scenario.state.charges.get(original.billingLogId)!.refunded).toBe(refunded);
      }),
    );
  });
});
