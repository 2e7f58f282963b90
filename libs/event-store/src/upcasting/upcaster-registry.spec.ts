import { UpcasterRegistry, parseEventType } from './upcaster-registry';
import { LEDGER_UPCASTERS, toDomainEvent } from './ledger-upcasters';

describe('UpcasterRegistry', () => {
  it('applies each version step in turn up to the newest registered version', () => {
    const registry = new UpcasterRegistry()
      .register('SeatsAdded.v0', ({ seats, ...rest }) => ({ ...rest, toSeats: seats }))
      .register('SeatsAdded.v1', (data) => ({ ...data, note: 'v2' }));
    expect(registry.upcast({ type: 'SeatsAdded.v0', data: { seats: 3 } })).toEqual({ type: 'SeatsAdded.v2', data: { toSeats: 3, note: 'v2' } });
    expect(registry.upcast({ type: 'SeatsAdded.v1', data: { toSeats: 4 } })).toEqual({ type: 'SeatsAdded.v2', data: { toSeats: 4, note: 'v2' } });
  });

  it('passes current versions and unknown types through untouched', () => {
    const event = { type: 'SeatsAdded.v1', data: { toSeats: 4 } };
    expect(new UpcasterRegistry().upcast(event)).toBe(event);
    expect(LEDGER_UPCASTERS.upcast({ type: 'ApiKeyIssued.v1', data: {} })).toEqual({ type: 'ApiKeyIssued.v1', data: {} });
  });

  it('refuses unversioned types and a second upcaster for one version', () => {
    expect(() => new UpcasterRegistry().register('SeatsAdded', (data) => data)).toThrow(RangeError);
    expect(() => new UpcasterRegistry().register('X.v0', (data) => data).register('X.v0', (data) => data)).toThrow(/already registered/);
    expect(parseEventType('TrialStarted.v12')).toEqual({ name: 'TrialStarted', version: 12 });
  });

  it('upcasts the ledger v0 shapes to the v1 domain events', () => {
    const base = { accountId: 'a', commandId: 'c', occurredAt: '2026-04-30T15:30:00.000Z' };
    expect(toDomainEvent({ type: 'PaymentMethodUpdated.v0', data: { ...base, billingKey: 'k', card: { brand: 'VISA', last4: '4242' } } })).toEqual({
      type: 'PaymentMethodUpdated.v1',
      data: { ...base, billingKey: 'k', brand: 'VISA', last4: '4242' },
    });
    // 2026-04-30T15:30Z is 2026-05-01 00:30 KST: the usage counts in May.
    expect(toDomainEvent({ type: 'UsageRecorded.v0', data: { ...base, usageId: 'u', metric: 'messages', count: 7 } })).toEqual({
      type: 'UsageRecorded.v1',
      data: { ...base, usageId: 'u', metric: 'messages', quantity: 7, period: '2026-05' },
    });
  });
});
