import { projectorFlushIntervalOf, runtimeConfigFromEnv } from './runtime-config';

describe('runtime configuration: the projector flush interval', () => {
  it('defaults to a second with MongoDB and to none with the in-process store', () => {
    expect(projectorFlushIntervalOf(runtimeConfigFromEnv({ MONGO_URL: 'mongodb://127.0.0.1:27017' }))).toBe(1000);
    expect(projectorFlushIntervalOf(runtimeConfigFromEnv({}))).toBe(0);
  });

  it('takes LEDGER_PROJECTOR_FLUSH_INTERVAL_MS as given, for either store', () => {
    expect(projectorFlushIntervalOf(runtimeConfigFromEnv({ LEDGER_PROJECTOR_FLUSH_INTERVAL_MS: '250' }))).toBe(250);
    expect(projectorFlushIntervalOf(runtimeConfigFromEnv({ MONGO_URL: 'mongodb://h', LEDGER_PROJECTOR_FLUSH_INTERVAL_MS: '0' }))).toBe(0);
    expect(projectorFlushIntervalOf(runtimeConfigFromEnv({ LEDGER_PROJECTOR_FLUSH_INTERVAL_MS: ' ' }))).toBe(0);
  });

  it('refuses what is not a whole number of milliseconds from 0 to 10000', () => {
    for (const value of ['-1', '1.5', '10001', 'soon']) {
      expect(() => runtimeConfigFromEnv({ LEDGER_PROJECTOR_FLUSH_INTERVAL_MS: value })).toThrow(/LEDGER_PROJECTOR_FLUSH_INTERVAL_MS must be an integer from 0 to 10000/);
    }
  });
});

describe('runtime configuration: payment holds', () => {
  it('leaves the choice to the store unless LEDGER_PAYMENT_HOLD=events', () => {
    expect(runtimeConfigFromEnv({})).toMatchObject({ paymentHold: undefined, paymentHoldMs: undefined });
    expect(runtimeConfigFromEnv({ LEDGER_PAYMENT_HOLD: 'auto' }).paymentHold).toBeUndefined();
    expect(runtimeConfigFromEnv({ LEDGER_PAYMENT_HOLD: 'events', LEDGER_PAYMENT_HOLD_MS: '30000' })).toMatchObject({ paymentHold: 'events', paymentHoldMs: 30_000 });
  });

  it('refuses other modes and hold times outside 1 s to 1 h', () => {
    expect(() => runtimeConfigFromEnv({ LEDGER_PAYMENT_HOLD: 'store-lock' })).toThrow(/LEDGER_PAYMENT_HOLD must be auto or events/);
    for (const value of ['999', '3600001', '2.5', 'long']) {
      expect(() => runtimeConfigFromEnv({ LEDGER_PAYMENT_HOLD_MS: value })).toThrow(/LEDGER_PAYMENT_HOLD_MS must be an integer from 1000 to 3600000/);
    }
  });
});
