// The domain is pure: its tests need no database, so skip the preset's PostgreSQL.
const preset = { ...require('../../../jest.preset.js') };
delete preset.globalSetup;
delete preset.globalTeardown;

module.exports = {
  ...preset,
  displayName: 'residents-domain',
  rootDir: __dirname,
};
