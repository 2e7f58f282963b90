import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxPaymentGateway } from '@ledger/payments';
import { VISA_OK } from '../../libs/ledger/src/testing/ledger-fixture';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

// Two processes' worth of ledger on one data dir: own handler caches, read stores, projectors and
// schedulers; one SQLite event store and one sandbox gateway file between them.
describe('two scheduler instances at once', () => {
  const accounts = Array.from({ length: 20 }, (_, i) => `acct-twin-${i}`);
  let dir: string;
  let first: SchedulerLedger;
  let second: SchedulerLedger;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'two-schedulers-'));
    first = await openSchedulerLedger('2026-03-05T00:00:00.000Z', { dataDir: dir });
    second = await openSchedulerLedger('2026-03-05T00:00:00.000Z', { dataDir: dir });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renews each account once per period and charges it once', async () => {
    for (const accountId of accounts) {
      await first.send(accountId, 'PAYMENT_METHOD_UPDATE', VISA_OK);
      await first.send(accountId, 'UPGRADE', { toTier: 'STARTER', seatCount: 1 });
    }
    await second.runtime.projector.whenVisible((await first.runtime.eventStore.headPosition())!);

    const reports = await Promise.all([first, second].map((ledger) => ledger.scheduler.advanceTestClock('2026-05-03T00:00:00.000Z')));

    const events = await first.runtime.eventStore.readAll();
    const renewed = events.filter((event) => event.type === 'SubscriptionRenewed.v1').map((event) => event.streamId + (event.data.quote as { period: string }).period);
    expect(renewed).toHaveLength(accounts.length * 2);
    expect(new Set(renewed).size).toBe(renewed.length);
    const renewalCharges = (first.runtime.gateway as SandboxPaymentGateway).listMovements().filter((m) => m.idempotencyKey.includes('/renewal:'));
    expect(renewalCharges).toHaveLength(accounts.length * 2);
    // Both really competed: each saw every account due at the first boundary and issued for it.
    for (const report of reports) expect(report.issued).toBeGreaterThanOrEqual(accounts.length);
    expect(reports.flatMap((report) => report.stuck)).toEqual([]);
  });
});
