// Jest root globalTeardown: stops the servers that global-setup.ts started (if any).
import { runningServers, setRunningServers } from './running-servers';

export default async function globalTeardown(): Promise<void> {
  const servers = runningServers();
  if (servers.length === 0) return;
  setRunningServers([]);
  const startedAt = Date.now();
  const results = await Promise.allSettled(servers.map((server) => server.stop()));
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length > 0) {
    process.stderr.write(`[test-infra] ${failed.length} server(s) failed to stop cleanly\n`);
  }
  const names = servers.map((server) => server.name).join(', ');
  process.stderr.write(`[test-infra] stopped ${names} in ${Date.now() - startedAt} ms\n`);
}
