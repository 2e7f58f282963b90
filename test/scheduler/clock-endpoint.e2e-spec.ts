import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { type LedgerApi, startLedgerApi } from './support/ledger-api';
import { type SchedulerLedger, openSchedulerLedger } from './support/scheduler-ledger';

describe('PUT /internal/v1/clock (e2e)', () => {
  describe('with LEDGER_TEST_CLOCK=1', () => {
    let ledger: SchedulerLedger;
    let api: LedgerApi;

    beforeAll(async () => {
      ledger = await openSchedulerLedger('2026-03-01T00:00:00.000Z');
      api = await startLedgerApi(ledger.runtime);
    });
    afterAll(async () => {
      await api.close();
      await ledger.close();
    });

    it('moves the billing clock and answers with the new instant', async () => {
      const response = await api.putClock('2026-03-02T09:30:00+09:00');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ now: '2026-03-02T00:30:00.000Z', ticks: 0 });
      expect(ledger.clock.now().toISOString()).toBe('2026-03-02T00:30:00.000Z');
    });

    it('accepts the current instant again (nothing due, nothing moves)', async () => {
      expect((await api.putClock('2026-03-02T00:30:00.000Z')).json()).toEqual({ now: '2026-03-02T00:30:00.000Z', ticks: 0 });
    });

    it('refuses to move backwards with 400 and leaves the clock alone', async () => {
      const response = await api.putClock('2026-03-01T00:00:00.000Z');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ errorCode: 'ValidationError', details: [expect.objectContaining({ field: 'now', rule: 'notBefore' })] });
      expect(ledger.clock.now().toISOString()).toBe('2026-03-02T00:30:00.000Z');
    });

    it.each([['yesterday'], ['2026-04-01T00:00:00'], [12345], [null]])('answers 400 to now = %p', async (now) => {
      const response = await api.putClock(now);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ errorCode: 'ValidationError' });
    });

    it('answers 401 without a token and 403 to a customer', async () => {
      expect((await api.putClock('2026-04-01T00:00:00.000Z', null)).json()).toStrictEqual({ errorCode: 'Unauthorized', errorMessage: '권한이 없습니다.' });
      expect((await api.putClock('2026-04-01T00:00:00.000Z', 'customer')).statusCode).toBe(403);
      expect(ledger.clock.now().toISOString()).toBe('2026-03-02T00:30:00.000Z');
    });
  });

  describe('without the test clock', () => {
    let dir: string;
    let runtime: LedgerRuntime;
    let api: LedgerApi;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'clock-off-'));
      runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: false });
      api = await startLedgerApi(runtime);
    });
    afterAll(async () => {
      await api.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers 404 even to an admin', async () => {
      const response = await api.putClock('2030-01-01T00:00:00.000Z');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ errorCode: 'NotFound' });
    });
  });
});
