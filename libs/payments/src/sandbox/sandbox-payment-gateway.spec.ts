import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChargeRequest } from '../payment-gateway.port';
import { GatewayUnavailableError } from '../payment-gateway.port';
import { IdempotencyKeyConflictError, SandboxPaymentGateway, sandboxTransactionId } from './sandbox-payment-gateway';

const VISA_OK = 'sandbox:4242424242424242';
const FIXED_NOW = new Date('2026-04-23T00:15:30.123Z');

function chargeOf(overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  return { idempotencyKey: 'cmd-1', billingKey: VISA_OK, amount: 73_332, accountId: 'acct-1', description: 'UPGRADE', ...overrides };
}

function memoryGateway(): SandboxPaymentGateway {
  return new SandboxPaymentGateway({ path: ':memory:', clock: () => FIXED_NOW });
}

describe('SandboxPaymentGateway', () => {
  let gateway: SandboxPaymentGateway;
  beforeEach(() => (gateway = memoryGateway()));
  afterEach(() => gateway.close());

  describe('test cards', () => {
    it('charges 4242424242424242 with a deterministic transaction id', async () => {
      await expect(gateway.charge(chargeOf())).resolves.toEqual({
        status: 'succeeded',
        transactionId: sandboxTransactionId('cmd-1'),
        amount: 73_332,
        processedAt: '2026-04-23T00:15:30.123Z',
      });
      expect(sandboxTransactionId('cmd-1')).toMatch(/^sbx_[0-9a-f]{24}$/);
      expect(gateway.listMovements()).toMatchObject([{ kind: 'charge', amount: 73_332, accountId: 'acct-1', idempotencyKey: 'cmd-1' }]);
    });

    it('charges the MASTERCARD test card 5555555555554444', async () => {
      await expect(gateway.charge(chargeOf({ billingKey: 'sandbox:5555555555554444' }))).resolves.toMatchObject({ status: 'succeeded' });
    });

    it.each([
      ['sandbox:4000000000000002', 'card_declined'],
      ['sandbox:4000000000009995', 'insufficient_funds'],
      ['sandbox:5105105105105100', 'invalid_billing_key'],
      ['sandbox:', 'invalid_billing_key'],
      ['4242424242424242', 'invalid_billing_key'],
      ['sandbox:4242424242424242 ', 'invalid_billing_key'],
      ['sandbox:constructor', 'invalid_billing_key'],
      ['tok_live_abc', 'invalid_billing_key'],
    ])('declines %s with %s and moves nothing', async (billingKey, declineCode) => {
      await expect(gateway.charge(chargeOf({ billingKey }))).resolves.toMatchObject({ status: 'declined', declineCode });
      expect(gateway.totals()).toMatchObject({ chargedAmount: 0, chargeCount: 0, declinedCount: 1 });
    });

    it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('refuses the amount %p as a caller error, recording nothing', async (amount) => {
      await expect(gateway.charge(chargeOf({ amount }))).rejects.toThrow(RangeError);
      await expect(gateway.charge(chargeOf())).resolves.toMatchObject({ status: 'succeeded' });
    });
  });

  describe('idempotency', () => {
    it('returns the first result for the same key and moves money once', async () => {
      const first = await gateway.charge(chargeOf());
      const again = await gateway.charge(chargeOf({ amount: 99_999, description: 'retry with another amount' }));
      expect(again).toEqual(first);
      expect(gateway.totals()).toMatchObject({ chargedAmount: 73_332, chargeCount: 1 });
    });

    it('repeats a first decline even when the retry carries a good card', async () => {
      const first = await gateway.charge(chargeOf({ billingKey: 'sandbox:4000000000000002' }));
      await expect(gateway.charge(chargeOf())).resolves.toEqual(first);
      expect(gateway.listMovements()).toEqual([]);
    });

    it('refuses a key first used for a charge when it comes back as a refund', async () => {
      const charge = await gateway.charge(chargeOf());
      if (charge.status !== 'succeeded') throw new Error('charge failed');
      await expect(gateway.refund({ idempotencyKey: 'cmd-1', transactionId: charge.transactionId, amount: 1, reason: 'x' })).rejects.toThrow(
        IdempotencyKeyConflictError,
      );
    });
  });

  describe('refunds', () => {
    async function chargedTransaction(amount = 66_666): Promise<string> {
      const result = await gateway.charge(chargeOf({ idempotencyKey: `charge-${amount}`, amount }));
      if (result.status !== 'succeeded') throw new Error('charge failed');
      return result.transactionId;
    }

    it('refunds up to the remainder of the charge, then refuses the excess', async () => {
      const transactionId = await chargedTransaction(73_332);
      await expect(gateway.refund({ idempotencyKey: 'r1', transactionId, amount: 10_000, reason: 'E7' })).resolves.toMatchObject({
        status: 'succeeded',
        amount: 10_000,
        transactionId: sandboxTransactionId('r1'),
      });
      await expect(gateway.refund({ idempotencyKey: 'r2', transactionId, amount: 63_333, reason: 'too much' })).resolves.toMatchObject({
        status: 'declined',
        declineCode: 'refund_exceeds_charge',
      });
      await expect(gateway.refund({ idempotencyKey: 'r3', transactionId, amount: 63_332, reason: 'rest' })).resolves.toMatchObject({ status: 'succeeded' });
      expect(gateway.totals()).toMatchObject({ chargedAmount: 73_332, refundedAmount: 73_332, netAmount: 0, refundCount: 2, declinedCount: 1 });
      expect(gateway.listMovements().filter((m) => m.kind === 'refund').map((m) => m.chargeTransactionId)).toEqual([transactionId, transactionId]);
    });

    it('refuses refunds against unknown transactions, declined charges and refunds', async () => {
      const refundOf = (idempotencyKey: string, transactionId: string) => gateway.refund({ idempotencyKey, transactionId, amount: 1, reason: 'x' });
      await expect(refundOf('r1', 'sbx_nope')).resolves.toMatchObject({ declineCode: 'unknown_transaction' });
      await gateway.charge(chargeOf({ idempotencyKey: 'declined', billingKey: 'sandbox:4000000000009995' }));
      await expect(refundOf('r2', sandboxTransactionId('declined'))).resolves.toMatchObject({ declineCode: 'unknown_transaction' });
      const refund = await refundOf('r3', await chargedTransaction());
      if (refund.status !== 'succeeded') throw new Error('refund failed');
      await expect(refundOf('r4', refund.transactionId)).resolves.toMatchObject({ declineCode: 'unknown_transaction' });
    });
  });

  describe('persistence', () => {
    let dataDir: string;
    beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'gateway-'))));
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('keeps first results and movements across close and reopen', async () => {
      const path = join(dataDir, 'gateway.sqlite');
      const before = new SandboxPaymentGateway({ path, clock: () => FIXED_NOW });
      const charged = await before.charge(chargeOf());
      const declined = await before.charge(chargeOf({ idempotencyKey: 'cmd-2', billingKey: 'sandbox:4000000000000002' }));
      await before.close();
      await expect(before.charge(chargeOf())).rejects.toThrow(GatewayUnavailableError);

      const after = new SandboxPaymentGateway({ path, clock: () => new Date('2030-01-01T00:00:00Z') });
      try {
        await expect(after.charge(chargeOf())).resolves.toEqual(charged);
        await expect(after.charge(chargeOf({ idempotencyKey: 'cmd-2' }))).resolves.toEqual(declined);
        expect(after.totals()).toMatchObject({ chargedAmount: 73_332, chargeCount: 1, declinedCount: 1 });
      } finally {
        await after.close();
      }
      const file = new Database(path, { readonly: true });
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
      file.close();
    });

    it('charges once when two gateways share the file (api and worker processes)', async () => {
      const path = join(dataDir, 'shared.sqlite');
      const [api, worker] = [new SandboxPaymentGateway({ path }), new SandboxPaymentGateway({ path })];
      try {
        const [first, second] = await Promise.all([api.charge(chargeOf()), worker.charge(chargeOf())]);
        expect(second).toEqual(first);
        expect(api.totals().chargeCount).toBe(1);
      } finally {
        await Promise.all([api.close(), worker.close()]);
      }
    });
  });

  describe('response delay', () => {
    it('records the movement before the delayed answer arrives, as a lost gateway response would leave it', async () => {
      const slow = new SandboxPaymentGateway({ path: ':memory:', clock: () => FIXED_NOW, responseDelayMs: 200 });
      try {
        let answered = false;
        const answer = slow.charge(chargeOf()).then((result) => ((answered = true), result));
        await Promise.resolve();
        expect({ answered, movements: slow.listMovements().map((movement) => movement.idempotencyKey) }).toEqual({ answered: false, movements: ['cmd-1'] });
        await expect(answer).resolves.toMatchObject({ status: 'succeeded', amount: 73_332 });
      } finally {
        await slow.close();
      }
    });
  });
});
