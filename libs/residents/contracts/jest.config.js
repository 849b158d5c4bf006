module.exports = {
  ...require('../../../jest.preset.pure.js'),
  displayName: 'residents-contracts',
  rootDir: __dirname,
};
