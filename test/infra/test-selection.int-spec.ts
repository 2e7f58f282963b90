// Checks which Jest invocations make global-setup.ts start the servers (pure logic, no servers).
import { join } from 'node:path';
import { TestPathPatterns } from '@jest/pattern';
import type { Config } from '@jest/types';
import { optionValues, runMayNeedServers } from './test-selection';

const rootDir = join(__dirname, '..', '..');

function config(overrides: Partial<Config.GlobalConfig> & { patterns?: string[] } = {}): Config.GlobalConfig {
  const { patterns = [], ...rest } = overrides;
  return { rootDir, testPathPatterns: new TestPathPatterns(patterns), ...rest } as Config.GlobalConfig;
}

const jestArgv = (...args: string[]) => ['node', join(rootDir, 'node_modules/.bin/jest'), ...args];

describe('runMayNeedServers', () => {
  it.each([
    ['plain `jest` (npm test)', true, config(), jestArgv()],
    ['--selectProjects unit', false, config(), jestArgv('--selectProjects', 'unit')],
    ['--selectProjects=integration', true, config(), jestArgv('--selectProjects=integration')],
    ['--select-projects unit e2e', true, config(), jestArgv('--select-projects', 'unit', 'e2e')],
    ['--ignoreProjects integration e2e', false, config(), jestArgv('--ignoreProjects', 'integration', 'e2e')],
    ['jest test/infra', true, config({ patterns: ['test/infra'] }), jestArgv('test/infra')],
    ['jest kafka-broker', true, config({ patterns: ['kafka-broker'] }), jestArgv('kafka-broker')],
    ['jest libs/domain', false, config({ patterns: ['libs/domain'] }), jestArgv('libs/domain')],
    ['jest libs/domain --onlyChanged', true, config({ patterns: ['libs/domain'], onlyChanged: true }), jestArgv('libs/domain', '-o')],
  ])('%s -> %s', (_name, expected, globalConfig, argv) => {
    expect(runMayNeedServers(globalConfig, argv)).toBe(expected);
  });

  it('reads array options the way Jest accepts them', () => {
    expect(optionValues(['--selectProjects', 'a', 'b', '--ci'], 'selectProjects')).toEqual(['a', 'b']);
    expect(optionValues(['--selectProjects=a', '--selectProjects', 'b'], 'selectProjects')).toEqual(['a', 'b']);
    expect(optionValues(['--ci'], 'selectProjects')).toBeUndefined();
  });
});
