// Temp dirs for the test servers. A run that is killed (SIGKILL, a shell timeout) cannot clean
// up, so each dir records the pid of the Node process that owns it, and creating a new dir
// removes the ones whose owner is gone.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OWNER_FILE = 'owner.pid';

/** Creates `<tmp>/<prefix>XXXXXX` owned by this process, after removing stale ones. */
export function createServerDir(prefix: string): string {
  removeStaleDirs(prefix);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  return dir;
}

function removeStaleDirs(prefix: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const ownerFile = join(tmpdir(), name, OWNER_FILE);
    if (!existsSync(ownerFile)) continue; // not ours, or still being created
    const owner = Number(readFileSync(ownerFile, 'utf8'));
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
