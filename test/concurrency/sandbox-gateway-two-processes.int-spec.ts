// Two processes charging the same idempotency keys against one sandbox gateway file at once (as two
// ingest workers or two api nodes do for a re-delivered command): the first-result lookup and the
// money movement run in one IMMEDIATE transaction, so each key moves money exactly once and both
// processes get the same result for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxPaymentGateway } from '@ledger/payments';
import { startFixture } from './support/fixture-process';

const KEYS = 300;
jest.setTimeout(120_000);

describe('one sandbox gateway file, two charging processes', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gateway-two-processes-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves money once per idempotency key and answers both processes alike', async () => {
    const path = join(dir, 'gateway.sqlite');
    // Opposite orders: the two meet in the middle, where both ask for the same keys at the same time.
    const clients = [startFixture('gateway-client.ts', 'charge', path, String(KEYS), 'forwards'), startFixture('gateway-client.ts', 'charge', path, String(KEYS), 'backwards')];
    expect(await Promise.all(clients.map((client) => client.exited))).toEqual([0, 0]);

    const answers = clients.map((client) => new Map(client.lines.filter((line) => line.startsWith('result ')).map((line) => line.split(' ', 3).slice(1) as [string, string])));
    expect(answers.map((answer) => answer.size)).toEqual([KEYS, KEYS]);
    expect([...answers[0]].filter(([key, result]) => answers[1].get(key) !== result)).toEqual([]);

    const gateway = new SandboxPaymentGateway({ path });
    try {
      const movements = gateway.listMovements();
      expect(movements).toHaveLength(KEYS);
      expect(new Set(movements.map((movement) => movement.idempotencyKey)).size).toBe(KEYS);
      expect(movements.every((movement) => movement.amount === 1_000 + Number(movement.idempotencyKey.split('cmd-')[1]))).toBe(true);
    } finally {
      await gateway.close();
    }
  });
});
