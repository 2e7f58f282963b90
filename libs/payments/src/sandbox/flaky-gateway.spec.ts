import { GatewayUnavailableError, type ChargeRequest } from '../payment-gateway.port';
import { FlakyGateway } from './flaky-gateway';
import { SandboxPaymentGateway } from './sandbox-payment-gateway';

const request: ChargeRequest = { idempotencyKey: 'cmd-1', billingKey: 'sandbox:4242424242424242', amount: 5_215, accountId: 'a', description: 'SEAT_ADD' };

describe('FlakyGateway', () => {
  let sandbox: SandboxPaymentGateway;
  let flaky: FlakyGateway;
  beforeEach(() => {
    sandbox = new SandboxPaymentGateway({ path: ':memory:' });
    flaky = new FlakyGateway(sandbox);
  });
  afterEach(() => flaky.close());

  it('fails before the gateway: nothing moves, a retry with the same key charges once', async () => {
    flaky.failNext(2);
    await expect(flaky.charge(request)).rejects.toThrow(GatewayUnavailableError);
    await expect(flaky.charge(request)).rejects.toThrow(GatewayUnavailableError);
    expect(sandbox.listMovements()).toHaveLength(0);
    await expect(flaky.charge(request)).resolves.toMatchObject({ status: 'succeeded' });
    expect(flaky.calls).toBe(3);
  });

  it('fails after the gateway processed: money moved once, the retry learns the first result', async () => {
    flaky.failNext(1, 'after');
    await expect(flaky.charge(request)).rejects.toThrow(GatewayUnavailableError);
    expect(sandbox.totals()).toMatchObject({ chargedAmount: 5_215, chargeCount: 1 });
    await expect(flaky.charge(request)).resolves.toMatchObject({ status: 'succeeded', amount: 5_215 });
    expect(sandbox.totals().chargeCount).toBe(1);
  });

  it('stays unavailable until told otherwise', async () => {
    flaky.setUnavailable(true);
    await expect(flaky.refund({ idempotencyKey: 'r', transactionId: 't', amount: 1, reason: 'x' })).rejects.toThrow(GatewayUnavailableError);
    await expect(flaky.charge(request)).rejects.toThrow(GatewayUnavailableError);
    flaky.setUnavailable(false);
    await expect(flaky.charge(request)).resolves.toMatchObject({ status: 'succeeded' });
  });
});
