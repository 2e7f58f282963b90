// Runs a TypeScript entry point in a plain Node process (the worker as a real child process in the
// Kafka tests, so it can be SIGKILLed). Usage: node test/kafka/support/ts-runner.js <file.ts>
// .ts files are transpiled on require by @swc/core with the repo's .swcrc (the same transform as
// Jest), and `@ledger/<lib>` resolves to libs/<lib>/src/index.ts as in tsconfig `paths`. Node's own
// require(esm) loads NestJS 12's ES modules. No type checking here: `tsc --noEmit` does that.
'use strict';
const path = require('node:path');
require('../../../tools/ts-register.js');

const root = path.resolve(__dirname, '../../..');
const entry = process.argv[2];
if (!entry) throw new Error('usage: node test/kafka/support/ts-runner.js <file.ts>');
require(path.resolve(root, entry));
