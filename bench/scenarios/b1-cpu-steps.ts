import { DEFAULT_CATALOG, GENESIS_HASH, chainHash, decide, eventId, evolve, initialState, type AccountState, type Command, type DomainEvent } from '@ledger/domain';
import { validateCommandEnvelope } from '@ledger/contracts';
import { usageRecord, type EnvelopeSource } from '../harness/commands';

/**
 * CPU per USAGE_RECORD before the store, step by step (µs): what the handler spends on one command
 * besides the SQLite append. Run with `node -r ./bench/register.js bench/scenarios/b1-cpu-steps.ts`;
 * B1 also reports these figures. A step is timed over many repetitions of the same kind of work.
 */
export interface CpuSteps {
  readonly validate: number;
  readonly decide: number;
  readonly hashChain: number;
  readonly eventId: number;
  readonly evolveSmall: number;
  readonly evolveLarge: number;
  readonly serialise: number;
}

const WARM_UP_CALLS = 2000;
const ISSUED_AT = '2026-04-01T00:00:00.000Z';
const source: EnvelopeSource = { issuedAt: () => ISSUED_AT };

/** CPU µs (this process, user + system) per call: on the shared machine wall time stretches with the load. */
function microsPerCall(count: number, step: (index: number) => unknown): number {
  let answered = 0;
  for (let index = 0; index < Math.min(count, WARM_UP_CALLS); index++) step(index); // JIT
  const start = process.cpuUsage();
  for (let index = 0; index < count; index++) if (step(index) !== undefined) answered += 1;
  const { user, system } = process.cpuUsage(start);
  if (answered !== count) throw new Error('every step answers something');
  return Math.round(((user + system) / count) * 100) / 100;
}

function usageEvent(state: AccountState, sequence: number): DomainEvent {
  const command = validateCommandEnvelope(usageRecord(source, 'acct-steps', sequence));
  if (!command.ok) throw new Error(JSON.stringify(command.errors));
  const decision = decide(command.envelope as unknown as Command, state, { catalog: DEFAULT_CATALOG, actionDate: ISSUED_AT });
  if (decision.kind !== 'accepted' || decision.events.length !== 1) throw new Error(`usage record not accepted: ${decision.kind}`);
  return decision.events[0];
}

function stateWithUsage(count: number): AccountState {
  let state = initialState('acct-steps');
  for (let sequence = 0; sequence < count; sequence++) state = evolve(state, usageEvent(state, sequence));
  return state;
}

/** Each call folds one more event onto the previous result, as the handler does (states share their id tables). */
function foldOnto(state: AccountState, events: readonly DomainEvent[]): () => AccountState {
  let current = state;
  let next = 0;
  return () => (current = evolve(current, events[next++ % events.length]));
}

export function measureCpuSteps(count: number, largeUsage: number): CpuSteps {
  const raws = Array.from({ length: count }, (_, index) => usageRecord(source, 'acct-steps', index));
  const commands = raws.map((raw) => {
    const result = validateCommandEnvelope(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.envelope as unknown as Command;
  });
  const small = stateWithUsage(10);
  const large = stateWithUsage(largeUsage);
  const events = Array.from({ length: count + WARM_UP_CALLS }, (_, index) => usageEvent(small, 1_000_000 + index));
  const context = { catalog: DEFAULT_CATALOG, actionDate: ISSUED_AT };
  const metadata = { commandId: 'usage-acct-steps-1', commandType: 'USAGE_RECORD', issuedBy: { type: 'USER', id: 'bench-user' }, issuedAt: ISSUED_AT, actionDate: ISSUED_AT, eventIndex: 0, prevHash: GENESIS_HASH, hash: GENESIS_HASH, schema: 1 };
  return {
    validate: microsPerCall(count, (index) => validateCommandEnvelope(raws[index])),
    decide: microsPerCall(count, (index) => decide(commands[index], small, context)),
    hashChain: microsPerCall(count, (index) => chainHash(GENESIS_HASH, { type: events[index].type, data: events[index].data, revision: index })),
    eventId: microsPerCall(count, (index) => eventId(commands[index].commandId, 0)),
    evolveSmall: microsPerCall(count, foldOnto(small, events)),
    evolveLarge: microsPerCall(count, foldOnto(large, events)),
    serialise: microsPerCall(count, (index) => JSON.stringify(events[index].data).length + JSON.stringify(metadata).length),
  };
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 20_000);
  console.log(JSON.stringify(measureCpuSteps(count, 20_000)));
}
