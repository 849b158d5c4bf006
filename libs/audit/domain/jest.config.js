module.exports = {
  ...require('../../../jest.preset.pure.js'),
  displayName: 'audit-domain',
  rootDir: __dirname,
};
