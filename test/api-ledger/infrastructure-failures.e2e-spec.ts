import { join } from 'node:path';
import { FlakyGateway, SandboxPaymentGateway } from '@ledger/payments';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../../apps/api/src/commands/read-your-writes';
import { envelope, kst, VISA_OK } from './support/envelopes';
import { LedgerApiHarness } from './support/ledger-api-harness';

const AT = kst('2026-03-10 10:00:00.000');

describe('infrastructure failures on the internal endpoint and readiness (e2e)', () => {
  let api: LedgerApiHarness;
  let gateway: FlakyGateway;
  const previousLagLimit = process.env.LEDGER_READY_MAX_LAG;

  beforeAll(async () => {
    process.env.LEDGER_READY_MAX_LAG = '0';
    api = await LedgerApiHarness.start({ gateway: (dataDir) => (gateway = new FlakyGateway(new SandboxPaymentGateway({ path: join(dataDir, 'gateway.sqlite') }))) });
    await api.accept('acct-flaky', 'PAYMENT_METHOD_UPDATE', VISA_OK, AT);
  });
  afterAll(async () => {
    if (previousLagLimit === undefined) delete process.env.LEDGER_READY_MAX_LAG;
    else process.env.LEDGER_READY_MAX_LAG = previousLagLimit;
    await api.close();
  });

  it('answers 503 when the gateway is unreachable, and the retried envelope then succeeds once', async () => {
    const upgrade = envelope('acct-flaky', 'UPGRADE', { toTier: 'STARTER', seatCount: 1 }, AT);
    gateway.setUnavailable(true);
    const down = await api.asAdmin('POST', '/internal/v1/commands', upgrade);
    gateway.setUnavailable(false);
    expect(down.statusCode).toBe(503);
    expect(down.json()).toStrictEqual({ errorCode: 'Unavailable', errorMessage: expect.any(String) });

    const retried = await api.asAdmin('POST', '/internal/v1/commands', upgrade);
    expect(retried.json()).toMatchObject({ status: 'ACCEPTED', billingLogIds: [expect.any(String)] });
    expect((await api.asAdmin('POST', '/internal/v1/commands', upgrade)).json()).toMatchObject({ status: 'DUPLICATE' });
  });

  it('is not ready while the projection lags beyond LEDGER_READY_MAX_LAG, and answers commands after a bounded wait', async () => {
    expect((await api.get('/health/ready')).statusCode).toBe(200);
    await api.runtime.projector.stop();
    const started = Date.now();
    const outcome = await api.run('acct-flaky', 'USAGE_RECORD', { usageId: 'lagging', metric: 'messages', quantity: 5 }, AT);
    const waited = Date.now() - started;
    expect(outcome.status).toBe('ACCEPTED');
    expect(waited).toBeGreaterThanOrEqual(READ_YOUR_WRITES_TIMEOUT_MS - 50);

    const notReady = await api.get('/health/ready');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().details.checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'projection-lag', status: 'down' })]));
    expect((await api.get('/metrics')).body).toMatch(/ledger_projection_lag_events [1-9]/);

    await api.runtime.projector.start();
    await api.runtime.projector.whenVisible((await api.runtime.eventStore.headPosition())!);
    expect((await api.get('/health/ready')).statusCode).toBe(200);
  });
});
