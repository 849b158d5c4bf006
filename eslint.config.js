// Lint for the whole workspace. `@nx/enforce-module-boundaries` turns the project tags
// (scope:*, type:*) into rules, so a service cannot reach into another service's code.
const nx = require('@nx/eslint-plugin');

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/generated', '**/.data', '**/tmp'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:residents', onlyDependOnLibsWithTags: ['scope:residents', 'scope:shared'] },
            { sourceTag: 'scope:referrals', onlyDependOnLibsWithTags: ['scope:referrals', 'scope:shared'] },
            { sourceTag: 'scope:vaccination', onlyDependOnLibsWithTags: ['scope:vaccination', 'scope:shared'] },
            { sourceTag: 'scope:volunteers', onlyDependOnLibsWithTags: ['scope:volunteers', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            // The audit reads other services' events and re-runs their pure decision functions; the
            // type:* constraints below keep it to their domain and contract libraries.
            { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:audit', 'scope:shared', 'scope:residents', 'scope:referrals'] },
            // Tools (generators, benchmarks, scripts) may use any project's libraries.
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:data-access', 'type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:domain'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
// Jest configs extend the workspace preset by path; they are tooling, not project code.
module.exports.push({ files: ['**/jest.config.js'], rules: { '@nx/enforce-module-boundaries': 'off' } });
// The gateway's integration specs start the residents and referrals services in-process through
// those services' own test harnesses: a test-only exception; the gateway's code imports no service.
module.exports.push({ files: ['apps/gateway/**/*.int.spec.ts'], rules: { '@nx/enforce-module-boundaries': 'off' } });
