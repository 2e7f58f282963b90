// A real Apache Kafka 4.x broker for tests: one KRaft node (broker + controller) on 127.0.0.1,
// with its storage in a fresh temp dir, started from the jars resolved by test/infra/pom.xml.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from './free-port';
import { assertJava, resolveClasspath } from './java-classpath';
import { startJvm } from './jvm-process';
import { createServerDir } from './server-dir';
import { pollUntil } from './poll';

export interface KafkaBroker {
  /** e.g. ["127.0.0.1:40123"] */
  brokers: string[];
  /** The temp dir holding config, data and logs (removed by stop()). */
  dir: string;
  stop(): Promise<void>;
}

export interface StartKafkaOptions {
  heapMb?: number;
  startTimeoutMs?: number;
  /** Keep the temp dir after stop(), to read the broker log. */
  keepDir?: boolean;
}

const execFileAsync = promisify(execFile);

export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaBroker> {
  assertJava();
  const classpath = resolveClasspath();
  const dir = createServerDir('ledger-kafka-');
  const [brokerPort, controllerPort] = await Promise.all([freePort(), freePort()]);
  const configFile = join(dir, 'server.properties');
  writeFileSync(configFile, serverProperties(dir, brokerPort, controllerPort));

  try {
    await formatStorage(classpath, dir, configFile);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const jvm = startJvm({
    name: 'kafka',
    classpath,
    mainClass: 'kafka.Kafka',
    args: [configFile],
    heapMb: options.heapMb ?? 512,
    consoleFile: join(dir, 'console.log'),
    logFile: join(dir, 'server.log'),
    cwd: dir,
  });
  const brokers = [`127.0.0.1:${brokerPort}`];
  const stop = async (): Promise<void> => {
    await jvm.stop();
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await pollUntil(() => probeBroker(brokers), {
      what: `Kafka broker on ${brokers[0]}`,
      timeoutMs: options.startTimeoutMs ?? 90_000,
      intervalMs: 250,
      abortReason: jvm.exitReason,
    });
    await warmUpTransactionLog(brokers);
  } catch (error) {
    const message = `${(error as Error).message}\n${jvm.diagnostics()}`;
    await stop();
    throw new Error(message);
  }
  return { brokers, dir, stop };
}

/** KRaft storage must be formatted with a cluster id before the first start. */
async function formatStorage(classpath: string, dir: string, configFile: string): Promise<void> {
  // Kafka cluster ids are 16 random bytes in URL-safe base64 without padding (22 chars).
  const clusterId = randomBytes(16).toString('base64url');
  const java = ['-Xmx128m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', `-Dinfra.log.file=${join(dir, 'server.log')}`];
  // `--cluster-id=<id>`: an id starting with '-' (1 in 64) would otherwise be read as an option.
  const args = [...java, '-cp', classpath, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', configFile, '--standalone'];
  try {
    await execFileAsync('java', args, { cwd: dir });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`kafka StorageTool format failed: ${(error as Error).message}\n${stdout}${stderr}`);
  }
}

/**
 * Ready means: the admin API answers, and the group coordinator can be found, which makes the
 * broker create __consumer_offsets now rather than during the first test's consumer join.
 */
async function probeBroker(brokers: string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'test-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    await admin.describeGroups(['test-infra-probe']);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The first idempotent or transactional producer makes the broker create __transaction_state;
 * until it is loaded, InitProducerId fails with a retriable error that kafkajs logs as ERROR.
 * Do that once here, quietly, so tests start against a broker with its internal topics in place.
 */
async function warmUpTransactionLog(brokers: string[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'test-infra-warm-up', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ transactionalId: 'test-infra-warm-up', idempotent: true, maxInFlightRequests: 1 });
  await pollUntil(() => producer.connect(), { what: 'Kafka transaction coordinator', timeoutMs: 30_000 });
  await producer.disconnect();
}

function serverProperties(dir: string, brokerPort: number, controllerPort: number): string {
  return `${[
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(dir, 'data')}`,
    // The app creates its topics; a typo'd topic name should fail a test, not appear silently.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    // Single node: every internal topic has one replica. Few partitions, so creating
    // __consumer_offsets and the transaction log is quick on 2 cores.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=4',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=4',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests join consumer groups constantly; the default 3 s delay would be paid on every join.
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=2',
    'num.recovery.threads.per.data.dir=1',
  ].join('\n')}\n`;
}
