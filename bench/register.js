// Lets `node -r ./bench/register.js` run our TypeScript sources: compiles each required .ts file
// with @swc/core using the repository's .swcrc (the transform Jest uses) and resolves
// `@ledger/<lib>` to libs/<lib>/src/index.ts (the tsconfig `paths` mapping).
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

require('reflect-metadata');

const repositoryRoot = path.resolve(__dirname, '..');
const { $schema: _schema, ...swcOptions } = JSON.parse(fs.readFileSync(path.join(repositoryRoot, '.swcrc'), 'utf8'));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveLedgerAlias(request, ...rest) {
  const alias = /^@ledger\/([^/]+)$/.exec(request);
  const target = alias ? path.join(repositoryRoot, 'libs', alias[1], 'src', 'index.ts') : request;
  return resolveFilename.call(this, target, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    ...swcOptions,
    filename,
    swcrc: false,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
