import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/cli-program';
import type { CliIo } from '../../apps/cli/src/io/cli-io';
import { type LedgerRuntime, openLedgerRuntime, runtimeConfigFromEnv } from '@ledger/runtime';
import { accountCommands } from '../kafka/support/envelopes';
import { editData, tamperWith } from './support/tamper';

jest.setTimeout(120_000);

/** `ledger backup` / `ledger restore` in process, on embedded data directories. */
describe('ledger backup and restore', () => {
  const dirs: string[] = [];
  const freshDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `ledger-${name}-`));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const ledgerWith = async (extraEnv: Record<string, string>, dataDir: string, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { json: args.includes('--json'), out: (text) => out.push(text), err: (text) => err.push(text), progress: () => ({ update: () => undefined, stop: () => undefined }) };
    const env = { LEDGER_DATA_DIR: dataDir, MONGO_URL: '', KURRENTDB_URL: '' };
    const code = await runCli(args, { env: { ...env, ...extraEnv }, io: () => io });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
  const ledger = (dataDir: string, ...args: string[]) => ledgerWith({}, dataDir, ...args);
  const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

  it('copies a data directory between the commands another writer keeps sending, and the restored copy verifies clean', async () => {
    const source = freshDir('source');
    expect((await ledger(source, 'demo', '--now', '2026-06-15T00:00:00.000Z')).code).toBe(0);

    // Another "process" keeps charging and recording usage on the same files during the backup.
    const runtime: LedgerRuntime = await openLedgerRuntime(runtimeConfigFromEnv({ LEDGER_DATA_DIR: source }));
    const before = accountCommands('before-backup', 3);
    for (const envelope of before) expect((await runtime.commands.handle(envelope)).status).toBe('ACCEPTED');
    let stop = false;
    let handled = 0;
    const writer = (async () => {
      for (let account = 0; !stop && account < 200; account += 1) {
        for (const envelope of accountCommands(`backup-${account}`, 6)) {
          expect((await runtime.commands.handle(envelope)).status).toBe('ACCEPTED');
          handled += 1;
        }
      }
    })();
    const backupDir = join(freshDir('backups'), 'b1');
    const backup = await ledger(source, '--json', 'backup', backupDir);
    stop = true;
    await writer;
    await runtime.close();

    expect(backup.code).toBe(0);
    const manifest = json(backup.stdout);
    expect(manifest).toMatchObject({ format: 'billing-ledger-backup/v1', chainsIntact: true, brokenChains: [] });
    expect((manifest.files as { name: string }[]).map((file) => file.name)).toEqual(['events.sqlite', 'gateway.sqlite', 'master.key']);
    expect(statSync(join(backupDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(manifest.events).toBeGreaterThan(0);
    // The writer went on after the copy was taken: the copy is one earlier committed state.
    const sourceVerify = await ledger(source, '--json', 'verify');
    expect(json(sourceVerify.stdout).events).toBeGreaterThan(manifest.events as number);
    expect(handled).toBeGreaterThan(0);

    const restored = freshDir('restored');
    const restore = await ledger(restored, '--json', 'restore', backupDir);
    expect(restore.code).toBe(0);
    const verify = await ledger(restored, '--json', 'verify');
    expect(verify.code).toBe(0);
    expect(json(verify.stdout)).toMatchObject({ ok: true, events: manifest.events, accounts: manifest.accounts });

    // The restored copy still knows the charge: the re-sent upgrade is a DUPLICATE, never a second charge.
    const again = await openLedgerRuntime(runtimeConfigFromEnv({ LEDGER_DATA_DIR: restored }));
    try {
      expect(await again.commands.handle(before[1])).toMatchObject({ status: 'DUPLICATE' });
    } finally {
      await again.close();
    }
  });

  it('refuses a non-empty target, a restore over existing data, a corrupted file and a KurrentDB deployment', async () => {
    const source = freshDir('source');
    expect((await ledger(source, 'demo', '--now', '2026-06-15T00:00:00.000Z')).code).toBe(0);
    const backupDir = join(freshDir('backups'), 'b2');
    expect((await ledger(source, 'backup', backupDir)).code).toBe(0);

    const again = await ledger(source, 'backup', backupDir);
    expect(again).toMatchObject({ code: 3, stderr: expect.stringContaining('is not empty') });
    const over = await ledger(source, 'restore', backupDir);
    expect(over).toMatchObject({ code: 3, stderr: expect.stringContaining('already holds events.sqlite') });

    const events = join(backupDir, 'events.sqlite');
    const bytes = readFileSync(events);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(events, bytes);
    const corrupted = await ledger(freshDir('restored'), 'restore', backupDir);
    expect(corrupted).toMatchObject({ code: 3, stderr: expect.stringContaining('events.sqlite differs from the manifest') });

    const kurrent = await ledgerWith({ KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false' }, source, 'backup', join(freshDir('backups'), 'b3'));
    expect(kurrent).toMatchObject({ code: 3, stderr: expect.stringContaining('KURRENTDB_URL is set') });
  });

  it('takes the copy but exits 1 and names the account when a hash chain in it is broken', async () => {
    const source = freshDir('source');
    expect((await ledger(source, 'demo', '--now', '2026-06-15T00:00:00.000Z')).code).toBe(0);
    tamperWith(join(source, 'events.sqlite'), editData('account-demo-acme', 3, '$.occurredAt', 0));
    const backup = await ledger(source, '--json', 'backup', join(freshDir('backups'), 'b4'));
    expect(backup.code).toBe(1);
    expect(json(backup.stdout)).toMatchObject({ chainsIntact: false, brokenChains: [{ accountId: 'demo-acme', firstBadRevision: 3 }] });
  });
});
