import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const DIST = join(REPO_ROOT, 'dist');

/**
 * Makes dist/ current (`npm run build`, exactly as `npm start` runs it) unless it already is; an
 * exclusive lock serialises test files that need the build at the same time.
 */
export function ensureFreshBuild(): void {
  const lock = join(tmpdir(), `ledger-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
  execFileSync('flock', [lock, process.execPath, join(__dirname, 'build-if-stale.js')], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 300_000 });
}
