import { freePort } from '../../infra/free-port';
import { type HttpResponse, httpClient } from '../../api/support/http-client';
import { JWT_SECRET, bearer } from '../../api-ledger/support/ledger-api-harness';
import { EntryProcess, apiHealthy } from '../../load/support/entry-process';

/**
 * One api process (apps/api/src/main.ts) over a data dir that other nodes share: its own memory read
 * models and projector, the same SQLite event store and sandbox gateway files. No demo data (two
 * nodes would race to seed it) and a fixed master key and JWT secret, as an operator runs a fleet.
 */
export class ApiNode {
  private constructor(
    readonly name: string,
    readonly process: EntryProcess,
    readonly baseUrl: string,
  ) {}

  static async start(name: string, dataDir: string, masterKey: string, extraEnv: Record<string, string> = {}): Promise<ApiNode> {
    const port = await freePort();
    const env = {
      ...extraEnv,
      LEDGER_DATA_DIR: dataDir,
      PORT: String(port),
      LEDGER_MASTER_KEY: masterKey,
      LEDGER_JWT_SECRET: JWT_SECRET,
      LEDGER_DEMO: '0',
      LEDGER_RATE_LIMIT_MAX: '1000000',
      LEDGER_LOG_LEVEL: 'warn',
    };
    const node = new ApiNode(name, EntryProcess.start('apps/api/src/main.ts', env), `http://127.0.0.1:${port}`);
    await apiHealthy(node.process, node.baseUrl, 120_000);
    return node;
  }

  abortReason = (): string | undefined => this.process.abortReason();

  async asAdmin(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = { authorization: await bearer('ops-1', 'admin') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return httpClient(this.baseUrl)(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  }

  async as(role: 'customer' | 'auditor', subject: string, path: string): Promise<HttpResponse> {
    return httpClient(this.baseUrl)('GET', path, { authorization: await bearer(subject, role) });
  }

  stop(): Promise<number | string> {
    return this.process.stop('SIGTERM');
  }
}
