import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PhaseInput = Record<string, unknown>;
export type PhaseOutput = Record<string, number | string>;
type Phase = (input: PhaseInput) => Promise<PhaseOutput>;

const REGISTER = join(__dirname, '..', 'register.js');

/**
 * Runs one phase of a scenario file in a fresh Node process, so its heap and RSS are its own.
 * `BENCH_PROFILE_DIR` (set by `npm run bench -- --profile`) makes every phase write a CPU profile.
 */
export function runPhase(scriptFile: string, phase: string, input: PhaseInput, execArgv: readonly string[] = []): Promise<PhaseOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-phase-'));
  const outputFile = join(dir, 'output.json');
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`, `--cpu-prof-name=${phase}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...execArgv, ...profile, '-r', REGISTER, scriptFile], {
    env: { ...process.env, BENCH_PHASE_SCRIPT: scriptFile, BENCH_PHASE: phase, BENCH_PHASE_INPUT: JSON.stringify(input), BENCH_PHASE_OUTPUT: outputFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`phase ${phase} of ${scriptFile} exited with ${code ?? signal}`);
        resolve(JSON.parse(readFileSync(outputFile, 'utf8')) as PhaseOutput);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/**
 * In a phase child started for `scriptFile` (pass `__filename`): runs the named phase and exits.
 * Returns false anywhere else (the scenario's own process, or a module merely imported by a phase).
 */
export function runPhaseIfChild(scriptFile: string, phases: Record<string, Phase>): boolean {
  const name = process.env.BENCH_PHASE;
  if (!name || process.env.BENCH_PHASE_SCRIPT !== scriptFile) return false;
  const phase = phases[name];
  if (!phase) throw new Error(`Unknown phase ${name}`);
  phase(JSON.parse(process.env.BENCH_PHASE_INPUT ?? '{}') as PhaseInput)
    .then((output) => {
      writeFileSync(process.env.BENCH_PHASE_OUTPUT as string, JSON.stringify(output));
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`phase ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
  return true;
}
