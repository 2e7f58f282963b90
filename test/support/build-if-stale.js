// Runs `npm run build` (as `npm start` does) unless dist/ is newer than every source and build
// file. Called under an exclusive lock by fresh-build.ts, so parallel test files never write dist/
// at the same time and the check sees the result of a build that just finished.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const marker = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
const buildFiles = ['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((file) => join(root, file));

function newestTs(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? newest : Math.max(newest, newestTs(path));
    return entry.name.endsWith('.ts') ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);
}

const newestInput = Math.max(newestTs(join(root, 'apps')), newestTs(join(root, 'libs')), ...buildFiles.map((file) => statSync(file).mtimeMs));
if (!existsSync(marker) || statSync(marker).mtimeMs <= newestInput) {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
