// Resolves the Java classpath of the test servers (Kafka broker, MongoDB-wire server) from
// test/infra/pom.xml, and caches it in test/infra/target so that later runs do not call Maven.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const INFRA_DIR = __dirname;
const POM = join(INFRA_DIR, 'pom.xml');
const TARGET = join(INFRA_DIR, 'target');
const CLASSPATH_FILE = join(TARGET, 'classpath.txt');
const STAMP_FILE = join(TARGET, 'classpath.stamp');
const DEPS_FILE = join(TARGET, 'deps-classpath.txt');

const INSTALL_HINT =
  'Install it (Debian, as root): apt-get update && apt-get install -y openjdk-17-jdk-headless maven ' +
  '(or run .ci/run, which installs everything the tests need). ' +
  'To use servers you already run instead, set KAFKA_BROKERS and MONGO_URL.';

/** Fails loudly, with the fix in the message, when `java` is missing or older than 17. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`Test servers need Java 17+, but \`java -version\` failed (${describe(result)}). ${INSTALL_HINT}`);
  }
  const match = /version "(\d+)/.exec(result.stderr + result.stdout);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new Error(`Test servers need Java 17+, found ${match ? match[1] : 'an unknown version'}. ${INSTALL_HINT}`);
  }
}

/** The classpath (target/classes + every dependency jar), from cache when it is still valid. */
export function resolveClasspath(): string {
  const stamp = inputsHash();
  const cached = readCached(stamp);
  if (cached) return cached;

  runMaven();
  const deps = readFileSync(DEPS_FILE, 'utf8').trim();
  const classpath = [join(TARGET, 'classes'), deps].join(delimiter);
  mkdirSync(TARGET, { recursive: true });
  // Write then rename, so a concurrent run (teammates share this checkout) never reads half a file.
  writeAtomically(CLASSPATH_FILE, classpath);
  writeAtomically(STAMP_FILE, stamp);
  return classpath;
}

function readCached(stamp: string): string | undefined {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(STAMP_FILE)) return undefined;
  if (readFileSync(STAMP_FILE, 'utf8') !== stamp) return undefined;
  const classpath = readFileSync(CLASSPATH_FILE, 'utf8').trim();
  // The jars live in ~/.m2; if that was wiped, resolve again rather than fail at class loading.
  const allPresent = classpath.split(delimiter).every((entry) => existsSync(entry));
  return allPresent ? classpath : undefined;
}

function runMaven(): void {
  // Maven compiles src/main/java, which needs the JDK's javac, not just a JRE.
  if (spawnSync('javac', ['-version']).error) {
    throw new Error(`Test servers need a JDK (javac) to compile test/infra/src, but \`javac\` was not found. ${INSTALL_HINT}`);
  }
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', POM, 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${DEPS_FILE}`];
  const result = spawnSync('mvn', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`Test servers need Maven to resolve their jars, but \`mvn\` was not found. ${INSTALL_HINT}`);
  }
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`mvn ${args.join(' ')} failed (${describe(result)}):\n${output}`);
  }
}

/** Hash of everything Maven reads, so an edited pom or Java source invalidates the cache. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of [POM, ...listFiles(join(INFRA_DIR, 'src'))]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function describe(result: ReturnType<typeof spawnSync>): string {
  if (result.error) return result.error.message;
  return result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
}
