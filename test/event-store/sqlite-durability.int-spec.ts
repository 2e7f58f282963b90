import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSqliteEventStore } from '@ledger/event-store';

const fixtures = join(__dirname, 'fixtures');
const ACKS_BEFORE_KILL = 200;

interface Ack {
  readonly revision: bigint;
  readonly id: string;
}

/** Runs the appending child, SIGKILLs it after `acksBeforeKill` acknowledgements, returns every ack it printed. */
function appendUntilKilled(file: string, streamId: string, acksBeforeKill: number): Promise<Ack[]> {
  const script = join(fixtures, 'append-until-killed.ts');
  const child = spawn(process.execPath, ['--require', join(fixtures, 'register-swc.js'), script, file, streamId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [, revision, id] = line.split(' ');
    acks.push({ revision: BigInt(revision), id });
    if (acks.length === acksBeforeKill) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child exited without being killed: ${stderr}`)),
    );
  });
}

describe('SQLite event store durability', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'ledger-durability-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps every acknowledged append when the writer is killed with SIGKILL mid-stream', async () => {
    const file = join(directory, 'data', 'events.sqlite');
    const acks = await appendUntilKilled(file, 'account-durability', ACKS_BEFORE_KILL);
    expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const store = openSqliteEventStore({ file });
    try {
      const stored = await store.readStream('account-durability');
      const storedById = new Map(stored.map((event) => [event.id, event.revision]));
      for (const ack of acks) {
        expect(storedById.get(ack.id)).toBe(ack.revision);
      }
      // The kill may land between a commit and its ack, so the file may hold more than was acknowledged,
      // but the stream must stay gap-free.
      expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => BigInt(index)));
    } finally {
      await store.close();
    }
  }, 60_000);
});
