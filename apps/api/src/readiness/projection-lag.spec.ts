import { DEFAULT_MAX_PROJECTION_LAG, projectionLagLimitFromEnv } from './projection-lag';

describe('projectionLagLimitFromEnv', () => {
  it('defaults to 10,000 positions when unset or blank', () => {
    expect(DEFAULT_MAX_PROJECTION_LAG).toBe(10_000n);
    expect(projectionLagLimitFromEnv({})).toBe(10_000n);
    expect(projectionLagLimitFromEnv({ LEDGER_READY_MAX_LAG: '  ' })).toBe(10_000n);
  });

  it('reads a non-negative integer', () => {
    expect(projectionLagLimitFromEnv({ LEDGER_READY_MAX_LAG: '0' })).toBe(0n);
    expect(projectionLagLimitFromEnv({ LEDGER_READY_MAX_LAG: ' 250 ' })).toBe(250n);
  });

  it.each(['-1', '1.5', 'abc', '1e3', '9999999999999999'])('refuses %s, naming the variable', (value) => {
    expect(() => projectionLagLimitFromEnv({ LEDGER_READY_MAX_LAG: value })).toThrow(/LEDGER_READY_MAX_LAG/);
  });
});
