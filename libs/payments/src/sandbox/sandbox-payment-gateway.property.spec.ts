import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PaymentResult } from '../payment-gateway.port';
import { SandboxPaymentGateway } from './sandbox-payment-gateway';

type Step =
  | { kind: 'charge'; key: string; card: string; amount: number }
  | { kind: 'refund'; key: string; chargeKey: string; amount: number }
  | { kind: 'restart' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('charge' as const),
    key: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
    card: fc.constantFrom('4242424242424242', '4242424242424242', '4000000000000002', '4000000000009995', 'nope'),
    amount: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    key: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'),
    chargeKey: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c9'),
    amount: fc.integer({ min: 1, max: 60_000 }),
  }),
  fc.constant({ kind: 'restart' as const }),
);

// synchronous=FULL fsyncs every commit; on tmpfs that costs nothing, so the property can afford many runs.
const scratchDir = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('SandboxPaymentGateway (property)', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(scratchDir, 'gateway-prop-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('moves money once per distinct key, answers repeats with the first result, never refunds more than charged', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { maxLength: 40 }), async (steps) => {
        const path = join(dataDir, `run-${(run += 1)}.sqlite`);
        let gateway = new SandboxPaymentGateway({ path });
        const firstResults = new Map<string, PaymentResult>();
        const chargeTransactions = new Map<string, string>();
        try {
          for (const step of steps) {
            if (step.kind === 'restart') {
              await gateway.close();
              gateway = new SandboxPaymentGateway({ path });
              continue;
            }
            const result =
              step.kind === 'charge'
                ? await gateway.charge({ idempotencyKey: step.key, billingKey: `sandbox:${step.card}`, amount: step.amount, accountId: 'a', description: 'd' })
                : await gateway.refund({ idempotencyKey: step.key, transactionId: chargeTransactions.get(step.chargeKey) ?? `sbx_${step.chargeKey}`, amount: step.amount, reason: 'r' });
            const first = firstResults.get(step.key);
            if (first) expect(result).toEqual(first);
            else firstResults.set(step.key, result);
            if (step.kind === 'charge' && result.status === 'succeeded') chargeTransactions.set(step.key, result.transactionId);
          }

          const succeeded = [...firstResults].filter(([, result]) => result.status === 'succeeded');
          const sumOf = (prefix: string) => succeeded.filter(([key]) => key.startsWith(prefix)).reduce((sum, [, result]) => sum + (result.status === 'succeeded' ? result.amount : 0), 0);
          const movements = gateway.listMovements();
          expect(movements).toHaveLength(succeeded.length);
          expect(gateway.totals()).toMatchObject({ chargedAmount: sumOf('c'), refundedAmount: sumOf('r') });
          for (const charge of movements.filter((m) => m.kind === 'charge')) {
            const refunded = movements.filter((m) => m.chargeTransactionId === charge.transactionId).reduce((sum, m) => sum + m.amount, 0);
            expect(refunded).toBeLessThanOrEqual(charge.amount);
          }
        } finally {
          await gateway.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
