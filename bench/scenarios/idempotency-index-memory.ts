import { randomUUID } from 'node:crypto';
import { type AccountState, GrowOnlySet, domainEvent, evolve, initialState } from '@ledger/domain';

/**
 * Memory and CPU of the folded states' idempotency indexes (design.md "Idempotency indexes in
 * memory"): retained bytes per id of one GrowOnlySet, retained bytes per usage command of account
 * states folded through `evolve` as the sustained-load test sends them (fresh commandId and usageId
 * each), and CPU µs per add and per lookup. Not part of `npm run bench`; run alone:
 *
 *   node --expose-gc -r ./bench/register.js bench/scenarios/idempotency-index-memory.ts [ids] [accounts]
 *
 * Retained = V8 heap used + external (which already includes ArrayBuffers) after full collections,
 * what the load test's heap probe measures. Ids are created inside the measured phase and kept only
 * by the set, as ids parsed from messages are.
 */

/** A UUID as a flat string, as JSON.parse makes it (randomUUID concatenates a tree of pieces). */
const freshId = (): string => JSON.parse(`"${randomUUID()}"`) as string;

const gc = (globalThis as { gc?: () => void }).gc;

function retainedBytes(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let pass = 0; pass < 3; pass++) gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Bytes retained per unit by what `build` returns (kept alive until measured). */
function bytesPer<T>(units: number, build: () => T): { bytesPerUnit: number; kept: T } {
  const before = retainedBytes();
  const kept = build();
  const after = retainedBytes();
  return { bytesPerUnit: Math.round(((after - before) / units) * 10) / 10, kept };
}

function oneSet(ids: number): GrowOnlySet {
  let set = GrowOnlySet.empty();
  for (let index = 0; index < ids; index++) set = set.add(freshId());
  return set;
}

function usageEvent(accountId: string) {
  return domainEvent('UsageRecorded.v1', { accountId, commandId: freshId(), occurredAt: '2026-04-02T00:00:00.000Z', usageId: freshId(), metric: 'messages', quantity: 1, period: '2026-04' });
}

function foldedAccounts(accounts: number, commands: number): AccountState[] {
  const states = Array.from({ length: accounts }, (_, index) => initialState(`acct-${index}`));
  for (let sequence = 0; sequence < commands; sequence++) {
    const at = sequence % accounts;
    states[at] = evolve(states[at], usageEvent(states[at].accountId));
  }
  return states;
}

/** CPU µs (user + system) per call over `ids`. */
function cpuMicrosPer(ids: readonly string[], call: (id: string) => unknown): number {
  const start = process.cpuUsage();
  for (const id of ids) call(id);
  const { user, system } = process.cpuUsage(start);
  return Math.round(((user + system) / ids.length) * 1000) / 1000;
}

function cpuPerOperation(ids: number): { add: number; hasPresent: number; hasAbsent: number } {
  const present = Array.from({ length: ids }, freshId);
  const absent = Array.from({ length: ids }, freshId);
  let warm = GrowOnlySet.empty();
  for (const id of absent.slice(0, 20_000)) warm = warm.add(id); // JIT
  let set = GrowOnlySet.empty();
  const add = cpuMicrosPer(present, (id) => (set = set.add(id)));
  let found = 0;
  const hasPresent = cpuMicrosPer(present, (id) => (found += set.has(id) ? 1 : 0));
  const hasAbsent = cpuMicrosPer(absent, (id) => (found -= set.has(id) ? 1 : 0));
  if (found !== ids || set.size !== ids) throw new Error('every present id is found, no absent one');
  return { add, hasPresent, hasAbsent };
}

if (require.main === module) {
  const ids = Number(process.argv[2] ?? 1_000_000);
  const accounts = Number(process.argv[3] ?? 500);
  const set = bytesPer(ids, () => oneSet(ids));
  if (set.kept.size !== ids) throw new Error('the set holds every id');
  set.kept = GrowOnlySet.empty();
  const folded = bytesPer(ids, () => foldedAccounts(accounts, ids));
  const idsHeld = folded.kept.reduce((total, state) => total + state.commands.size + (state.usage.get('2026-04')?.usageIds.size ?? 0), 0);
  if (idsHeld !== 2 * ids) throw new Error(`the states hold both ids of every command, not ${idsHeld}`);
  folded.kept = [];
  const cpu = cpuPerOperation(ids);
  console.log(
    JSON.stringify({
      idsInOneSet: ids,
      bytesPerIdInOneSet: set.bytesPerUnit,
      accounts,
      usageCommands: ids,
      bytesPerUsageCommandFolded: folded.bytesPerUnit,
      cpuMicros: cpu,
    }),
  );
}
