// An in-memory MongoDB-wire server for tests (de.bwaldvogel:mongo-java-server, see
// src/main/java/ledger/testinfra/MongoWireMain.java). It speaks the wire protocol of MongoDB 5.0
// but has no transactions and no replica set; see test/infra/README.md for what works.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, MongoCompatibilityError } from 'mongodb';
import { freePort } from './free-port';
import { assertJava, resolveClasspath } from './java-classpath';
import { startJvm } from './jvm-process';
import { createServerDir } from './server-dir';
import { pollUntil } from './poll';

export interface MongoWireServer {
  /** e.g. "mongodb://127.0.0.1:40124" */
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export interface StartMongoWireOptions {
  heapMb?: number;
  startTimeoutMs?: number;
  keepDir?: boolean;
}

export async function startMongoWire(options: StartMongoWireOptions = {}): Promise<MongoWireServer> {
  assertJava();
  const classpath = resolveClasspath();
  const dir = createServerDir('ledger-mongo-wire-');
  const port = await freePort();
  const jvm = startJvm({
    name: 'mongo-wire',
    classpath,
    mainClass: 'ledger.testinfra.MongoWireMain',
    args: ['127.0.0.1', String(port)],
    heapMb: options.heapMb ?? 256,
    consoleFile: join(dir, 'console.log'),
    logFile: join(dir, 'server.log'),
    cwd: dir,
  });
  const url = `mongodb://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await jvm.stop();
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await pollUntil(() => ping(url), {
      what: `MongoDB-wire server on ${url}`,
      timeoutMs: options.startTimeoutMs ?? 60_000,
      intervalMs: 100,
      abortReason: jvm.exitReason,
      // e.g. "reports maximum wire version 8, but this driver requires at least 9"
      isFatal: (error) => error instanceof MongoCompatibilityError,
    });
  } catch (error) {
    const message = `${(error as Error).message}\n${jvm.diagnostics()}`;
    await stop();
    throw new Error(message);
  }
  return { url, dir, stop };
}

async function ping(url: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
