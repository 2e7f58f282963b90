// Jest root globalSetup: starts a Kafka broker and a MongoDB-wire server for integration and
// e2e tests, in parallel, unless the run has no such tests or KAFKA_BROKERS / MONGO_URL already
// point at servers. Workers inherit the variables, because Jest forks them after this runs.
import type { Config } from '@jest/types';
import { startKafka } from './kafka-broker';
import { startMongoWire } from './mongo-wire';
import { runMayNeedServers } from './test-selection';
import { setRunningServers, type RunningServer } from './running-servers';

/** A larger server heap for long runs (the sustained-load run keeps hundreds of thousands of documents). */
const heapFromEnv = (name: string): number | undefined => {
  const megabytes = Number(process.env[name]);
  return Number.isInteger(megabytes) && megabytes > 0 ? megabytes : undefined;
};

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  if (!runMayNeedServers(globalConfig)) return;

  const started: RunningServer[] = [];
  const startedAt = Date.now();
  const starts: Promise<void>[] = [];
  if (!process.env.KAFKA_BROKERS) {
    starts.push(
      startKafka().then((kafka) => {
        started.push({ name: 'kafka', stop: kafka.stop });
        process.env.KAFKA_BROKERS = kafka.brokers.join(',');
        report(`Kafka broker ${process.env.KAFKA_BROKERS}`, startedAt);
      }),
    );
  }
  if (!process.env.MONGO_URL) {
    starts.push(
      startMongoWire({ heapMb: heapFromEnv('LEDGER_TEST_MONGO_HEAP_MB') }).then((mongo) => {
        started.push({ name: 'mongo-wire', stop: mongo.stop });
        process.env.MONGO_URL = mongo.url;
        report(`MongoDB-wire server ${mongo.url}`, startedAt);
      }),
    );
  }

  const results = await Promise.allSettled(starts);
  setRunningServers(started);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    // Jest does not run globalTeardown when globalSetup throws, so stop what did start.
    await Promise.allSettled(started.map((server) => server.stop()));
    setRunningServers([]);
    throw failure.reason;
  }
}

function report(what: string, startedAt: number): void {
  process.stderr.write(`[test-infra] ${what} ready in ${Date.now() - startedAt} ms\n`);
}
