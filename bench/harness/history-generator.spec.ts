import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEFAULT_CATALOG, verifyChain } from '@ledger/domain';
import { openSqliteEventStore } from '@ledger/event-store';
import { AccountRepository, CommandHandler, SettableClock, accountStreamId } from '@ledger/ledger';
import { SandboxPaymentGateway, SecretBox } from '@ledger/payments';
import { benchAccountId, usageRecord } from './commands';
import { eventsPerAccount, writeHistory } from './history-generator';

describe('benchmark history generator', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bench-history-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes hash-chained account years the command handler continues from', async () => {
    const shape = { accounts: 3, months: 2, usagePerMonth: 1 };
    const { file, events } = writeHistory(join(dir, 'events.sqlite'), shape);
    expect(events).toBe(3 * eventsPerAccount(shape));

    const store = openSqliteEventStore({ file });
    const gateway = new SandboxPaymentGateway({ path: join(dir, 'gateway.sqlite') });
    try {
      const stream = await store.readStream(accountStreamId(benchAccountId(1)));
      expect(stream.map((event) => event.type)).toEqual([
        'PaymentMethodUpdated.v1',
        'SubscriptionUpgraded.v1',
        'UsageRecorded.v1',
        'SubscriptionRenewed.v1',
        'UsageRecorded.v1',
        'SubscriptionRenewed.v1',
      ]);
      const chained = stream.map((event) => ({ type: event.type, data: event.data, revision: Number(event.revision), prevHash: String(event.metadata.prevHash), hash: String(event.metadata.hash) }));
      expect(verifyChain(chained)).toBeNull();

      const clock = new SettableClock('2025-03-10T00:00:00.000Z');
      const handler = new CommandHandler(new AccountRepository(store), gateway, new SecretBox(randomBytes(32)), () => DEFAULT_CATALOG, clock);
      const outcome = await handler.handle(usageRecord({ issuedAt: () => clock.now().toISOString() }, benchAccountId(1), 99));
      expect(outcome).toMatchObject({ status: 'ACCEPTED' });
      const continued = await store.readStream(accountStreamId(benchAccountId(1)), { fromRevision: 6n });
      expect(continued[0].metadata.prevHash).toBe(chained[5].hash);
    } finally {
      await store.close();
      await gateway.close();
    }
  });
});
