// Decides, inside Jest's root globalSetup, whether this run includes integration or e2e tests,
// so that `jest --selectProjects unit` or `jest libs/domain` does not start two JVMs.
//
// Jest gives a root globalSetup only the global config, not the list of selected test files,
// so we replay the two selectors that matter:
//  - --selectProjects / --ignoreProjects: Jest keeps these out of globalConfig, so we read them
//    from the command line of this process (globalSetup runs in Jest's main process);
//  - test path patterns (positional args / --testPathPatterns), from globalConfig, matched with
//    Jest's own matcher against the int/e2e spec files on disk.
// Any selector we cannot replay cheaply (--onlyChanged, --findRelatedTests, --watch, ...) counts
// as "maybe": we start the servers, because a wasted start costs seconds while a missing server
// fails tests.
import type { Config } from '@jest/types';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SERVER_PROJECTS = ['integration', 'e2e'];
const SERVER_SPEC = /\.(int|e2e)-spec\.ts$/;

export function runMayNeedServers(globalConfig: Config.GlobalConfig, argv: string[] = process.argv): boolean {
  const selectProjects = optionValues(argv, 'selectProjects');
  const ignoreProjects = optionValues(argv, 'ignoreProjects') ?? [];
  const projectsInRun = SERVER_PROJECTS.filter(
    (name) => (!selectProjects || selectProjects.includes(name)) && !ignoreProjects.includes(name),
  );
  if (projectsInRun.length === 0) return false;

  if (globalConfig.onlyChanged || globalConfig.changedSince || globalConfig.findRelatedTests) return true;
  if (globalConfig.watch || globalConfig.watchAll) return true;

  const patterns = globalConfig.testPathPatterns;
  if (!patterns || !patterns.isSet()) return true;
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  return serverSpecFiles(join(globalConfig.rootDir, 'test')).some((file) => executor.isMatch(file));
}

/**
 * Values of an array option as Jest's yargs accepts it: `--name a b`, `--name=a`, repeated, and
 * the kebab-case spelling. Undefined when the option is absent.
 */
export function optionValues(argv: string[], camelName: string): string[] | undefined {
  const names = [`--${camelName}`, `--${camelName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`];
  let values: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!names.includes(flag)) continue;
    values ??= [];
    if (inline !== undefined) {
      values.push(inline);
      continue;
    }
    while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) values.push(argv[++i]);
  }
  return values;
}

function serverSpecFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'target') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverSpecFiles(path);
    return SERVER_SPEC.test(name) ? [path] : [];
  });
}
