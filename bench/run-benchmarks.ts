import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { machine } from './harness/measure';
import type { ScenarioResult } from './harness/scenario-result';
import { formatTable } from './harness/report-table';

const SCENARIOS = [
  { id: 'B1', file: 'b1-command-handling.ts' },
  { id: 'B2', file: 'b2-kafka-end-to-end.ts' },
  { id: 'B3', file: 'b3-rebuild.ts' },
  { id: 'B4', file: 'b4-billing-logs-http.ts' },
  { id: 'B5', file: 'b5-memory.ts' },
  { id: 'B5-soak', file: 'b5-memory.ts', soak: true },
] as const;

interface Options {
  readonly quick: boolean;
  readonly profile: boolean;
  readonly only: readonly string[] | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  return { quick: argv.includes('--quick'), profile: argv.includes('--profile'), only };
}

const repositoryRoot = resolve(__dirname, '..');
const resultsDir = join(repositoryRoot, 'bench', 'results');

/** One scenario in a fresh Node process (its heap, JIT state and RSS are its own). */
function runScenarioProcess(file: string, options: Options, env: Record<string, string>): Promise<ScenarioResult | { error: string }> {
  const resultFile = join(resultsDir, `.${file}.${process.pid}.json`);
  const profileDir = resultsDir; // bench/results/*.cpuprofile is git-ignored
  const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, ['--expose-gc', ...profile, '-r', join(__dirname, 'register.js'), join(__dirname, 'scenarios', file)], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env, BENCH_QUICK: options.quick ? '1' : '0', BENCH_RESULT_FILE: resultFile, ...(options.profile ? { BENCH_PROFILE_DIR: profileDir } : {}) },
  });
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      if (code === 0 && existsSync(resultFile)) {
        done(JSON.parse(readFileSync(resultFile, 'utf8')) as ScenarioResult);
        rmSync(resultFile);
      } else done({ error: `exited with ${code ?? signal}` });
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(resultsDir, { recursive: true });
  const selected = SCENARIOS.filter((scenario) => (options.only ? options.only.includes(scenario.id) : !('soak' in scenario)));
  const startedAt = new Date().toISOString();
  const results: (ScenarioResult | { id: string; error: string })[] = [];
  for (const scenario of selected) {
    process.stdout.write(`\n== ${scenario.id} (${scenario.file})${options.quick ? ' quick' : ''}\n`);
    const started = process.hrtime.bigint();
    const outcome = await runScenarioProcess(scenario.file, options, 'soak' in scenario ? { BENCH_SOAK: '1' } : {});
    process.stdout.write(`== ${scenario.id} took ${Math.round(Number(process.hrtime.bigint() - started) / 1e9)} s\n`);
    results.push('error' in outcome ? { id: scenario.id, error: outcome.error } : { ...outcome, id: scenario.id });
  }
  const report = { startedAt, finishedAt: new Date().toISOString(), quick: options.quick, machine: machine(), results };
  // Quick (CI smoke) results are not a measurement worth keeping; full runs are the recorded figures.
  const output = options.quick
    ? join(repositoryRoot, 'test-artifacts', 'bench-quick.json')
    : join(resultsDir, `${options.only ? options.only.join('-') : 'all'}-${startedAt.slice(0, 19).replace(/:/g, '')}.json`);
  mkdirSync(join(output, '..'), { recursive: true });
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(results)}\nresults: ${output}\n`);
  if (results.some((result) => 'error' in result)) process.exitCode = 1;
}

void main();
