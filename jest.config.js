// Three tiers, selected by file name (see README "Tests"):
//   unit         *.spec.ts beside the code, no I/O beyond temp files
//   integration  test/**/*.int-spec.ts against real components (SQLite, Kafka, MongoDB-wire)
//   e2e          test/**/*.e2e-spec.ts over HTTP, Kafka and a headless browser
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
// NestJS 12 and a few of its dependencies ship ES modules only; Jest's CommonJS runtime
// cannot require() them, so swc rewrites them to CommonJS like our own sources.
const esmOnlyPackages = ['@nestjs', 'jose', 'content-disposition', 'file-type', 'uuid', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', 'load-esm'];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: { '^@ledger/([^/]+)$': '<rootDir>/libs/$1/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Root level, so they run once per Jest run: start a Kafka broker and a MongoDB-wire server when
  // integration/e2e tests are selected and KAFKA_BROKERS / MONGO_URL are unset (test/infra/README.md).
  globalSetup: '<rootDir>/test/infra/global-setup.ts',
  globalTeardown: '<rootDir>/test/infra/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
