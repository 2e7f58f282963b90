import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { toPublicBillingLog } from '@ledger/domain';
import { READ_MODELS, type BillingLogDocument } from '@ledger/projections';
import type { LedgerRuntime } from '@ledger/runtime';
import { NEWEST_FIRST, customerVisibleLogFilter } from '../../apps/api/src/billing-logs/customer-billing-logs';
import { LedgerApiHarness } from '../../test/api-ledger/support/ledger-api-harness';
import { benchAccountId, paymentMethodUpdate, seatAdd, upgrade } from '../harness/commands';
import type { HttpLoadResult } from '../harness/http-load';
import { ratio } from '../harness/measure';
import { runPhase } from '../harness/phases';
import { runScenario } from '../harness/scenario-result';

const LOAD = require.resolve('../harness/http-load');
const SEED_INSTANT = '2026-06-02T00:00:00.000Z';

/** Every account: a card, PRO with one seat, then seat additions, each a visible charge log. */
async function seedAccounts(runtime: LedgerRuntime, accounts: number, logsPerAccount: number): Promise<void> {
  const source = { issuedAt: () => runtime.clock.now().toISOString() };
  const ids = Array.from({ length: accounts }, (_, index) => benchAccountId(index));
  const steps = [
    (id: string) => paymentMethodUpdate(source, id),
    (id: string) => upgrade(source, id, 'PRO', 1),
    ...Array.from({ length: logsPerAccount - 1 }, (_, seats) => (id: string) => seatAdd(source, id, seats + 2)),
  ];
  for (const step of steps) {
    const outcomes = await runtime.commands.handleMany(ids.map(step));
    const refused = outcomes.find((outcome) => outcome.status !== 'ACCEPTED');
    if (refused) throw new Error(`seed command refused: ${JSON.stringify(refused)}`);
  }
  const head = await runtime.eventStore.headPosition();
  if (head) await runtime.projector.whenVisible(head);
}

/** The same query as the api's list (filter, newest first, first page of 20, count) on a bare Fastify route. */
async function startBareRoute(runtime: LedgerRuntime, accountId: string): Promise<{ url: string; close: () => Promise<void> }> {
  const logs = runtime.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs);
  const app = Fastify();
  app.get('/billing-logs', async () => {
    const filter = customerVisibleLogFilter(accountId, runtime.clock.now().toISOString());
    const { documents, total } = await logs.page(filter, { sort: NEWEST_FIRST, skip: 0, limit: 20 });
    return { billingLogs: documents.map(toPublicBillingLog), totalCount: total, limit: 20, offset: 0 };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/billing-logs`, close: () => app.close() };
}

runScenario('B4', 'GET /plans/me/billing-logs over HTTP with HMAC-signed requests', async (bench) => {
  const accounts = bench.scale(1000, 50);
  const logsPerAccount = bench.scale(25, 5);
  const seconds = bench.scale(15, 2);
  const connections = 50;
  const api = await LedgerApiHarness.start();
  try {
    api.at(SEED_INSTANT);
    await seedAccounts(api.runtime, accounts, logsPerAccount);
    const customer = benchAccountId(0);
    const { apiKey, apiSecret } = await api.issueApiKey(customer);
    const bare = await startBareRoute(api.runtime, customer);
    try {
      const baseline = (await runPhase(LOAD, 'load', { url: bare.url, connections, seconds })) as HttpLoadResult;
      const measured = (await runPhase(LOAD, 'load', { url: `${api.baseUrl}/crm-core/v1/plans/me/billing-logs`, connections, seconds, apiKey, apiSecret })) as HttpLoadResult;
      if (measured.non2xx > 0 || measured.errors > 0 || baseline.non2xx > 0) {
        throw new Error(`failed requests: api ${measured.non2xx} non-2xx, ${measured.errors} errors; baseline ${baseline.non2xx} non-2xx`);
      }
      bench.note(`${accounts} accounts × ${logsPerAccount} visible logs in the memory read store; ${connections} connections for ${seconds} s each; page of 20`);
      bench.figure('baseline bare Fastify route, same query and store', Math.round(baseline.requestsPerSecond), 'req/s');
      bench.figure('baseline p99', baseline.p99, 'ms');
      bench.figure('api (HMAC auth, replay guard, validation pipe, CQRS query)', Math.round(measured.requestsPerSecond), 'req/s');
      const versus = ratio(measured.requestsPerSecond, baseline.requestsPerSecond);
      bench.figure('api / bare route', versus, 'x', { text: '>= 0.6', met: versus >= 0.6 });
      bench.figure('api p50', measured.p50, 'ms');
      bench.figure('api p99', measured.p99, 'ms', { text: '<= 20', met: measured.p99 <= 20 });
    } finally {
      await bare.close();
    }
  } finally {
    await api.close();
  }
});
