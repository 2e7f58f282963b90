import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const MAIN_JS = join(REPO_ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const SOURCE_ROOTS = ['apps', 'libs'].map((dir) => join(REPO_ROOT, dir));
const BUILD_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((file) => join(REPO_ROOT, file));

const newestSourceMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? newest : Math.max(newest, newestSourceMtime(path));
    return entry.name.endsWith('.ts') ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);

/**
 * `npm run build`, exactly as `npm start` runs it, unless dist/ is newer than every source and
 * build file (then the build would change nothing and the test saves its ~10 s).
 */
export function ensureFreshBuild(): void {
  const newestInput = Math.max(...SOURCE_ROOTS.map(newestSourceMtime), ...BUILD_FILES.map((file) => statSync(file).mtimeMs));
  if (existsSync(MAIN_JS) && statSync(MAIN_JS).mtimeMs > newestInput) return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 240_000 });
}
