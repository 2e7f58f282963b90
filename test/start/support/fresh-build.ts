import { join } from 'node:path';
import { DIST, REPO_ROOT, ensureFreshBuild } from '../../support/fresh-build';

export { REPO_ROOT, ensureFreshBuild };
export const MAIN_JS = join(DIST, 'apps', 'api', 'src', 'main.js');
