// Runs a TypeScript entry point in a plain Node process (the worker as a real child process in the
// Kafka tests, so it can be SIGKILLed). Usage: node test/kafka/support/ts-runner.js <file.ts>
// .ts files are transpiled on require by @swc/core with the repo's .swcrc (the same transform as
// Jest), and `@ledger/<lib>` resolves to libs/<lib>/src/index.ts as in tsconfig `paths`. Node's own
// require(esm) loads NestJS 12's ES modules. No type checking here: `tsc --noEmit` does that.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const swcConfig = { ...JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8')), swcrc: false };

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveLedgerAlias(request, ...rest) {
  const alias = /^@ledger\/([^/]+)$/.exec(request);
  const target = alias ? path.join(root, 'libs', alias[1], 'src', 'index.ts') : request;
  return resolveFilename.call(this, target, ...rest);
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...swcConfig, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};

require('reflect-metadata');
const entry = process.argv[2];
if (!entry) throw new Error('usage: node test/kafka/support/ts-runner.js <file.ts>');
require(path.resolve(root, entry));
