// The preset for pure projects (domain, contracts): their tests need no database, so the
// PostgreSQL global setup is left out.
const preset = { ...require('./jest.preset.js') };
delete preset.globalSetup;
delete preset.globalTeardown;
module.exports = preset;
