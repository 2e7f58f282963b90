// Starts a Java main class as a child JVM that cannot outlive the test run:
//  - it runs in its own process group (detached), and stop() signals the whole group;
//  - a process 'exit' hook SIGKILLs the group if Node exits without calling stop();
//  - ledger.testinfra.ExitWithParent exits the JVM when its stdin pipe closes, which also covers
//    Node dying from SIGKILL, where no hook runs.
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

export interface JvmOptions {
  /** Short name for messages, e.g. "kafka". */
  name: string;
  classpath: string;
  mainClass: string;
  args: string[];
  /** Maximum heap; the machine has 2 cores and several of these may run at once. */
  heapMb: number;
  /** Receives the JVM's stdout and stderr. */
  consoleFile: string;
  /** Receives the log4j2 log (see src/main/resources/log4j2.xml). */
  logFile: string;
  cwd: string;
}

export interface JvmProcess {
  readonly pid: number;
  /** Why the JVM is no longer running, or undefined while it runs. */
  exitReason(): string | undefined;
  /** The last lines of the console and log files, for error messages. */
  diagnostics(lines?: number): string;
  /** Stops the JVM: SIGTERM to its group, SIGKILL after graceMs. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

// Small, quick-starting JVMs: tests are short, so C1-only JIT and the serial GC start faster on
// 2 cores than the defaults and leave CPU for Jest workers.
const JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

export function startJvm(options: JvmOptions): JvmProcess {
  const consoleFd = openSync(options.consoleFile, 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${options.heapMb}m`,
      ...JVM_FLAGS,
      `-Dinfra.log.file=${options.logFile}`,
      '-cp',
      options.classpath,
      'ledger.testinfra.ExitWithParent',
      options.mainClass,
      ...options.args,
    ],
    { cwd: options.cwd, detached: true, stdio: ['pipe', consoleFd, consoleFd] },
  );
  closeSync(consoleFd);
  return trackJvm(child, options);
}

function trackJvm(child: ChildProcess, options: JvmOptions): JvmProcess {
  let exitReason: string | undefined;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = `${options.name} JVM exited (${signal ? `signal ${signal}` : `code ${code}`})`;
      process.removeListener('exit', killOnExit);
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      exitReason = `${options.name} JVM could not start: ${error.message}`;
      resolve();
    });
  });
  const killOnExit = (): void => signalGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);
  // A broken stdin pipe just means the JVM is gone; that is reported through 'exit'.
  child.stdin?.on('error', () => undefined);

  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid ?? -1,
    exitReason: () => exitReason ?? (spawnError ? spawnError.message : undefined),
    diagnostics: (lines = 40) => diagnostics(options, lines),
    stop(graceMs = 5_000) {
      stopping ??= stopJvm(child, exited, () => exitReason !== undefined, graceMs);
      return stopping;
    },
  };
}

async function stopJvm(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean, graceMs: number) {
  if (hasExited()) return;
  child.stdin?.end();
  signalGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([exited, graceOver]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // negative pid: the whole process group
  } catch {
    // Already gone.
  }
}

function diagnostics(options: JvmOptions, lines: number): string {
  return [options.consoleFile, options.logFile]
    .filter((file) => existsSync(file))
    .map((file) => `--- last lines of ${file} ---\n${tail(file, lines)}`)
    .join('\n');
}

function tail(file: string, lines: number): string {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
