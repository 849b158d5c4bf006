module.exports = {
  ...require('../../../jest.preset.pure.js'),
  displayName: 'residents-domain',
  rootDir: __dirname,
};
