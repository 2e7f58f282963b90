import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadPlatformConfig } from '../config/load-platform-config';

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

// Docker is not available where the tests run, so the file is checked by reading it as compose would.
const compose = parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { services } = compose;
/** `${NAME:-default}` → default, as compose interpolates it when NAME is unset. */
const interpolated = (env: Record<string, string | number>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).map(([name, value]) => [name, String(value).replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1')]));

describe('docker-compose.yml', () => {
  it('runs KurrentDB (insecure single node), MongoDB 7, Kafka 4 in KRaft mode, the api, ingest workers and one relay', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'ingest', 'kafka', 'kurrentdb', 'mongo', 'relay']);
    expect([services.ingest.environment?.LEDGER_WORKER_ROLES, services.relay.environment?.LEDGER_WORKER_ROLES]).toEqual(['ingest', 'relay']);
    expect(services.kurrentdb).toMatchObject({ image: expect.stringMatching(/^kurrentplatform\/kurrentdb:/), ports: ['2113:2113'] });
    expect(services.kurrentdb.environment).toMatchObject({ KURRENTDB_CLUSTER_SIZE: 1, KURRENTDB_INSECURE: 'true' });
    expect(services.mongo).toMatchObject({ image: 'mongo:7', ports: ['27017:27017'] });
    expect(services.kafka.image).toMatch(/^apache\/kafka:4\./);
    expect(services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093' });
  });

  it('starts the api with npm ci && npm start on node:20, once every server is healthy', () => {
    expect(services.api).toMatchObject({ image: 'node:20', command: ['sh', '-c', 'npm ci && npm start'], ports: ['3000:3000'] });
    for (const [name, dependency] of Object.entries(services.api.depends_on ?? {})) {
      expect(dependency.condition).toBe('service_healthy');
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    }
    expect(Object.keys(services.api.depends_on ?? {}).sort()).toEqual(['kafka', 'kurrentdb', 'mongo']);
    for (const worker of [services.ingest, services.relay]) expect(worker.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(services.api.healthcheck?.test.join(' ')).toContain('/health/ready');
  });

  it('points the apps at the services on their container ports, and a config the api accepts', () => {
    const env = interpolated(services.api.environment ?? {});
    expect(env).toMatchObject({ KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false', MONGO_URL: expect.stringMatching(/^mongodb:\/\/mongo:27017\//) });
    const [kafkaHost, kafkaPort] = env.KAFKA_BROKERS.split(':');
    expect(services[kafkaHost].environment?.KAFKA_ADVERTISED_LISTENERS).toContain(`${kafkaHost}:${kafkaPort}`);
    const config = loadPlatformConfig(env);
    expect(config).toMatchObject({ embedded: false, demo: true, port: 3000, jwt: { algorithm: 'HS256', generated: false } });
    for (const worker of [services.ingest, services.relay]) {
      expect(interpolated(worker.environment ?? {})).toMatchObject({ KAFKA_BROKERS: env.KAFKA_BROKERS, LEDGER_JWT_SECRET: env.LEDGER_JWT_SECRET });
    }
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(services)
      .flatMap((service) => service.volumes ?? [])
      .map((volume) => volume.split(':')[0])
      .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    expect(new Set(named)).toEqual(new Set(Object.keys(compose.volumes)));
  });
});
