import { createServer } from 'node:net';

/**
 * Asks the kernel for a free TCP port on 127.0.0.1. There is a small window between closing this
 * probe socket and the JVM binding the port; ephemeral ports are handed out in rotation, so a
 * clash within that window is very unlikely, and it would show as a loud start-up failure.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the probe socket address'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
