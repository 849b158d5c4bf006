// The contracts are pure: their tests need no database, so skip the preset's PostgreSQL.
const preset = { ...require('../../../jest.preset.js') };
delete preset.globalSetup;
delete preset.globalTeardown;

module.exports = {
  ...preset,
  displayName: 'vaccination-contracts',
  rootDir: __dirname,
};
