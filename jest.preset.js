// Shared jest settings for every project: ts-jest in CommonJS, transpile only (the
// `typecheck` target runs tsc), one embedded PostgreSQL per run via global setup.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: path.join(__dirname, 'tsconfig.spec.base.json'), diagnostics: false },
    ],
    // jose ships ES modules only; jest (CommonJS on Node 20) needs them compiled, with the
    // standard class-field semantics its error classes are written for.
    '^.+/node_modules/jose/.+\\.js$': path.join(__dirname, 'tools/jest/esm-package-transformer.js'),
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${__dirname}/` }),
  testMatch: ['**/?(*.)+(spec).ts'],
  globalSetup: path.join(__dirname, 'libs/postgres/src/testing/jest-global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/postgres/src/testing/jest-global-teardown.ts'),
  testTimeout: 60000,
  reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.js')],
};
