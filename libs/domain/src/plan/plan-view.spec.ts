import { DEFAULT_CATALOG } from '../catalog/catalog';
import { initialState } from '../state/account-state';
import { command, kst, subscribed } from '../testing/scenario.fixtures';
import { planView } from './plan-view';

describe('planView', () => {
  it('shows a never-seen account as FREE with zero usage', () => {
    expect(planView(initialState('new'), DEFAULT_CATALOG, kst('2026-04-10 12:00:00.000'))).toEqual({
      accountId: 'new',
      tier: 'FREE',
      status: 'ACTIVE',
      seatCount: 1,
      unitPrice: 0,
      monthlyAmount: 0,
      billingPeriod: '2026-04',
      currentPeriodStart: '2026-03-31T15:00:00.000Z',
      currentPeriodEnd: '2026-04-30T14:59:59.999Z',
      nextBillingDate: null,
      scheduledChange: null,
      usage: { messages: 0, contacts: 0 },
      limits: { messages: 300, contacts: 1_000, seats: 1 },
      paymentMethod: null,
      subscribedAt: null,
      updatedAt: null,
    });
  });

  it('shows a paid plan with its next billing date and scheduled seat reduction', () => {
    const scenario = subscribed('PRO', 5, kst('2026-04-01 10:00:00.000'));
    scenario.given(command('SEAT_REDUCE_SCHEDULED', { seatCount: 2 }, kst('2026-04-02 10:00:00.000')));
    scenario.given(command('USAGE_RECORD', { usageId: 'x', metric: 'messages', quantity: 120 }, kst('2026-04-03 10:00:00.000')));
    expect(planView(scenario.state, DEFAULT_CATALOG, kst('2026-04-10 12:00:00.000'))).toMatchObject({
      tier: 'PRO',
      seatCount: 5,
      unitPrice: 49_000,
      monthlyAmount: 245_000,
      nextBillingDate: '2026-04-30T15:00:00.000Z',
      scheduledChange: { action: 'SEAT_REDUCE', toSeatCount: 2, effectiveAt: '2026-04-30T15:00:00.000Z' },
      usage: { messages: 120, contacts: 0 },
      paymentMethod: { brand: 'VISA', last4: '4242' },
      subscribedAt: kst('2026-04-01 10:00:00.000'),
      updatedAt: kst('2026-04-02 10:00:00.000'),
    });
  });
});
