// Speed is reported, not asserted (bench/ measures it); an unindexed list would run past the timeout.
import { performance } from 'node:perf_hooks';
import { MemoryReadStore, READ_COLLECTIONS, type ReadDocument } from '@ledger/read-store';

interface BillingLogRow extends ReadDocument {
  accountId: string;
  actionDate: string;
  action: string;
  status: string;
  totalCharge: number;
}

const ACCOUNTS = 100_000;
const LOGS = 1_000_000;
const BATCH = 10_000;

const accountOf = (i: number): string => `acc-${String(i % ACCOUNTS).padStart(6, '0')}`;
const dateOf = (i: number): string => new Date(Date.UTC(2024, 0, 1) + Math.floor(i / ACCOUNTS) * 86_400_000).toISOString();

describe('in-memory read store at scale', () => {
  it(`lists one account's billing logs among ${LOGS.toLocaleString('en')} documents through the accountId index`, async () => {
    const store = new MemoryReadStore();
    const logs = store.collection<BillingLogRow>(READ_COLLECTIONS.billingLogs);
    const loadStarted = performance.now();
    for (let start = 0; start < LOGS; start += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, offset) => {
        const i = start + offset;
        const doc = { _id: `CRMSBL${String(i).padStart(10, '0')}`, accountId: accountOf(i), actionDate: dateOf(i), action: 'RENEWAL', status: 'COMPLETED', totalCharge: i % 97 };
        return { doc, position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) } };
      });
      await logs.upsertMany(batch);
    }
    const loadMs = performance.now() - loadStarted;

    const queries = 2_000;
    const queryStarted = performance.now();
    for (let q = 0; q < queries; q++) {
      const accountId = accountOf((q * 7_919) % ACCOUNTS);
      const page = await logs.find({ accountId, actionDate: { $lt: '2030-01-01' } }, { sort: { actionDate: -1 }, limit: 20 });
      expect(page).toHaveLength(LOGS / ACCOUNTS);
    }
    const perQueryMs = (performance.now() - queryStarted) / queries;

    const scanStarted = performance.now();
    const expensive = await logs.count({ totalCharge: { $gte: 96 } });
    const scanMs = performance.now() - scanStarted;

    console.log(
      `memory read store: loaded ${LOGS} logs in ${loadMs.toFixed(0)} ms; account list query ${perQueryMs.toFixed(3)} ms avg over ${queries}; ` +
        `unindexed count over all logs ${scanMs.toFixed(0)} ms (${expensive} matches)`,
    );
    await store.close();
  }, 180_000);
});
