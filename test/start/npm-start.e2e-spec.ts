import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CURL_BEGIN, CURL_END } from '../../apps/api/src/embedded/start-banner';
import { freePort } from '../infra/free-port';
import { ensureFreshBuild } from './support/fresh-build';
import { type LedgerProcess, spawnLedger, stopLedger, untilReady } from './support/ledger-process';

const run = promisify(execFile);
// The printed script runs unchanged; this wrapper only makes curl also print the HTTP status.
const CURL_WITH_STATUS = `curl() { command curl -sS -w '\\n%{http_code}' "$@"; }\n`;

const printedCurl = (stdout: string): string => {
  const start = stdout.indexOf(CURL_BEGIN);
  const end = stdout.indexOf(CURL_END, start);
  if (start < 0 || end < 0) throw new Error(`no curl block in:\n${stdout}`);
  return stdout.slice(start + CURL_BEGIN.length, end).trim();
};
const printed = (stdout: string, label: string): string => {
  const match = new RegExp(`^\\s*${label}\\s+(\\S+)$`, 'm').exec(stdout);
  if (match === null) throw new Error(`"${label}" not printed`);
  return match[1];
};
const getJson = async (url: string, token: string) => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('npm start on embedded storage (e2e)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let first: LedgerProcess;
  let url: string;

  beforeAll(async () => {
    ensureFreshBuild();
    dataDir = join(mkdtempSync(join(tmpdir(), 'ledger-start-')), 'data');
    env = { PORT: String(await freePort()), LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'warn' };
    first = spawnLedger(env);
    url = await untilReady(first);
  }, 300_000);

  afterAll(async () => {
    await stopLedger(first);
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('prints the URL, the docs, the seeded demo account and its credentials once', () => {
    const stdout = first.stdout();
    expect(stdout.match(/Billing ledger is listening on/g)).toHaveLength(1);
    expect(url).toBe(`http://localhost:${env.PORT}`);
    expect(stdout).toContain(`${url}/docs`);
    expect(stdout).toMatch(/Demo data\s+seeded just now: accounts demo-acme, demo-trial; 62 commands/);
    expect(printed(stdout, 'Demo account')).toBe('demo-acme');
    expect(printed(stdout, 'API key')).toMatch(/^NCS[A-Z0-9]{13}$/);
    expect(stdout).toContain('/crm-core/v1/subscriptions/portal');
  });

  it('answers the printed curl command (the seed bash sample) with 200 and the demo billing logs', async () => {
    const { stdout } = await run('bash', ['-c', CURL_WITH_STATUS + printedCurl(first.stdout())], { timeout: 30_000 });
    const [body, status] = [stdout.slice(0, stdout.lastIndexOf('\n')), stdout.slice(stdout.lastIndexOf('\n') + 1)];
    expect(status).toBe('200');
    const page = JSON.parse(body) as { billingLogs: Array<{ action: string }>; totalCount: number; limit: number };
    expect(page).toMatchObject({ limit: 20, offset: 0 });
    expect(page.totalCount).toBeGreaterThanOrEqual(15);
    expect(page.billingLogs.map((log) => log.action)).toEqual(expect.arrayContaining(['RENEWAL', 'UPGRADE', 'SEAT_ADD', 'ADMIN_REFUND']));
    expect(page.billingLogs.map((log) => log.action)).not.toContain('PAYMENT_FAILED');
  });

  it('prints an admin token that the internal endpoints accept, and a customer token for the demo account', async () => {
    const admin = printed(first.stdout(), 'admin');
    const outcome = await getJson(`${url}/internal/v1/commands/${encodeURIComponent('demo:demo-trial:trial-start')}`, admin);
    expect(outcome).toMatchObject({ status: 200, body: { accountId: 'demo-trial', status: 'ACCEPTED' } });
    const plan = await getJson(`${url}/crm-core/v1/plans/me`, printed(first.stdout(), 'customer'));
    expect(plan).toMatchObject({ status: 200, body: { accountId: 'demo-acme', tier: 'PRO', scheduledChange: { toTier: 'STARTER' } } });
  });

  it('stops cleanly on SIGTERM and restarts on the same data without seeding again', async () => {
    const customer = printed(first.stdout(), 'customer');
    const before = await getJson(`${url}/crm-core/v1/plans/me/billing-logs?limit=100`, customer);
    expect(await stopLedger(first)).toBe(0);
    expect(first.stdout()).toContain('ledger stopped');

    const second = spawnLedger(env);
    try {
      await untilReady(second);
      const stdout = second.stdout();
      expect(stdout).toMatch(/Demo data\s+found from an earlier start \(not seeded again\)/);
      expect(stdout).toContain('a fresh key pair for this run');
      expect(printed(stdout, 'API key')).not.toBe(printed(first.stdout(), 'API key'));
      // The first run's token still verifies: the generated JWT secret was kept in the data dir.
      expect(await getJson(`${url}/crm-core/v1/plans/me/billing-logs?limit=100`, customer)).toEqual(before);
      const { stdout: curlOut } = await run('bash', ['-c', CURL_WITH_STATUS + printedCurl(stdout)], { timeout: 30_000 });
      expect(curlOut.endsWith('\n200')).toBe(true);
    } finally {
      expect(await stopLedger(second)).toBe(0);
    }
  }, 120_000);
});
