// Lets a plain Node process run the repository's TypeScript sources: the benchmarks
// (bench/register.js) and the test suites' child processes (test/kafka/support/ts-runner.js,
// test/event-store/fixtures/register-swc.js). Each required .ts file is compiled by @swc/core with
// the repository's .swcrc (the transform Jest uses), and `@ledger/<lib>` resolves to
// libs/<lib>/src/index.ts (the tsconfig `paths` mapping). No type checking here: `tsc --noEmit` does
// that. Built code (dist/) never needs it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const repositoryRoot = path.resolve(__dirname, '..');
const { $schema: _schema, ...swcOptions } = JSON.parse(fs.readFileSync(path.join(repositoryRoot, '.swcrc'), 'utf8'));

if (!Module._extensions['.ts']) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveLedgerAlias(request, ...rest) {
    const alias = /^@ledger\/([^/]+)$/.exec(request);
    const target = alias ? path.join(repositoryRoot, 'libs', alias[1], 'src', 'index.ts') : request;
    return resolveFilename.call(this, target, ...rest);
  };

  Module._extensions['.ts'] = function compileTypeScript(module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename, swcrc: false, sourceMaps: 'inline' });
    module._compile(code, filename);
  };
}

require('reflect-metadata');
