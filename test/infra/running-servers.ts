// Hands the servers started in globalSetup to globalTeardown. Jest loads the two files
// separately (each through its transformer), but in the same process, so globalThis is the one
// place they are sure to share.
export interface RunningServer {
  name: string;
  stop(): Promise<void>;
}

const KEY = Symbol.for('ledger.test-infra.running-servers');
type Holder = { [KEY]?: RunningServer[] };

export function runningServers(): RunningServer[] {
  return (globalThis as Holder)[KEY] ?? [];
}

export function setRunningServers(servers: RunningServer[]): void {
  (globalThis as Holder)[KEY] = servers;
}
