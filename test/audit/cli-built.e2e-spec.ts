import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, ensureFreshBuild } from '../support/fresh-build';
import { editData, tamperWith } from './support/tamper';

const run = promisify(execFile);
// Each run is a fresh Node process that loads the runtime (a few seconds on a busy machine).
jest.setTimeout(60_000);
const MAIN = join(DIST, 'apps/cli/src/main.js');

/** The built CLI as `npm run ledger -- …` runs it: a separate process on an embedded data dir. */
describe('the built ledger CLI (dist/, after npm run build)', () => {
  let dataDir: string;
  const ledger = async (...args: string[]): Promise<{ code: number; stdout: string }> => {
    try {
      const { stdout } = await run(process.execPath, [MAIN, ...args], { env: { ...process.env, LEDGER_DATA_DIR: dataDir, MONGO_URL: '', KURRENTDB_URL: '' } });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      if (typeof failed.code !== 'number') throw error;
      return { code: failed.code, stdout: failed.stdout };
    }
  };

  beforeAll(() => {
    ensureFreshBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  }, 300_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the demo, verifies clean, then names a tampered revision with exit code 1', async () => {
    expect((await ledger('demo', '--now', '2026-06-15T00:00:00.000Z')).code).toBe(0);
    const clean = await ledger('--json', 'verify');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, accounts: 2 });

    tamperWith(join(dataDir, 'events.sqlite'), editData('account-demo-acme', 3, '$.occurredAt', 0));
    const tampered = await ledger('--json', 'verify');
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout).brokenChains).toEqual([expect.objectContaining({ accountId: 'demo-acme', firstBadRevision: 3 })]);
  });

  it('answers a usage error with exit code 2', async () => {
    expect((await ledger('export', '--from', 'yesterday', '--to', '2026-01-01')).code).toBe(2);
  });
});
