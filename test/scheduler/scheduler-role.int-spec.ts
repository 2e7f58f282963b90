import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { LedgerRuntimeModule } from '@ledger/runtime';
import { SchedulerRoleModule } from '../../apps/worker/src/scheduler/scheduler-role.module';
import { pollUntil } from '../infra/poll';
import { VISA_OK } from '../../libs/ledger/src/testing/ledger-fixture';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

describe('the scheduler worker role', () => {
  let ledger: SchedulerLedger;
  let worker: INestApplicationContext;

  beforeEach(async () => {
    ledger = await openSchedulerLedger('2026-01-15T00:00:00.000Z');
  });
  afterEach(async () => {
    await worker?.close();
    await ledger.close();
  });

  it('catches up on start: a renewal that fell due while the worker was down is issued at once', async () => {
    await ledger.send('acct-role', 'PAYMENT_METHOD_UPDATE', VISA_OK);
    await ledger.send('acct-role', 'UPGRADE', { toTier: 'PRO', seatCount: 1 });
    ledger.clock.set('2026-02-01T02:00:00.000Z');

    @Module({ imports: [LedgerRuntimeModule.forRoot(ledger.runtime), SchedulerRoleModule] })
    class WorkerUnderTest {}
    worker = await NestFactory.createApplicationContext(WorkerUnderTest, { logger: false });

    const [renewal] = await pollUntil(
      async () => {
        const logs = await ledger.logs({ accountId: 'acct-role', action: 'RENEWAL' });
        if (logs.length === 0) throw new Error('no RENEWAL log yet');
        return logs;
      },
      { what: 'the 2026-02 renewal', timeoutMs: 10_000, intervalMs: 20 },
    );
    expect(renewal).toMatchObject({ billingPeriod: '2026-02', actionDate: '2026-02-01T02:00:00.000Z', processedBy: 'SYSTEM' });
  });
});
