// `npm run test:load`: the sustained-load run, kept out of `npm test` (it takes ten minutes).
// The integration project of the root config with its own file pattern, so transforms, module
// mapping and the Kafka / MongoDB-wire global setup stay the same.
const path = require('node:path');
const root = require('../../jest.config.js');

const integration = root.projects.find((project) => project.displayName === 'integration');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  globalSetup: root.globalSetup,
  globalTeardown: root.globalTeardown,
  projects: [{ ...integration, displayName: 'load', testMatch: ['<rootDir>/test/load/**/*.load-spec.ts'] }],
};
